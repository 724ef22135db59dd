// parseSyncResponse answers like syncResponseSchema.safeParse for any body: its hand-written
// check may only accept what the schema accepts, with the same data.
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { parseSyncResponse, syncResponseSchema } from './protocol';
import { checkProperty } from './test-support/property';

const anyJson = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -2, max: 6000 }),
  fc.constantFrom(1.5, 2 ** 53, -0, Infinity),
  fc.string({ maxLength: 3 }),
  fc.constant([]),
  fc.constant({}),
);
const mostly = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: anyJson, weight: 1 });
/** A record whose keys are sometimes dropped one at a time. */
const withDroppedKey = (arb: fc.Arbitrary<Record<string, unknown>>) =>
  fc.tuple(arb, fc.option(fc.nat(7), { freq: 4 })).map(([record, drop]) => {
    const keys = Object.keys(record);
    if (drop === null || drop >= keys.length) return record;
    const dropped = keys[drop];
    return Object.fromEntries(Object.entries(record).filter(([key]) => key !== dropped));
  });

const changeArb = withDroppedKey(
  fc.record({
    table: mostly(fc.constant('items')),
    id: mostly(fc.constant('a1')),
    field: mostly(fc.constant('name')),
    value: anyJson,
    hlc: mostly(fc.constant('2026-11-26T01:05:54.123Z-0000-0123456789abcdef')),
    extra: anyJson,
  }),
);
const responseArb = withDroppedKey(
  fc.record({
    changes: mostly(fc.array(mostly(changeArb), { maxLength: 4 })),
    cursor: mostly(fc.constantFrom('', '3f9a1c02be4d.2.1187', 'x'.repeat(200), 'x'.repeat(201))),
    more: mostly(fc.boolean()),
    remaining: mostly(fc.constantFrom(0, 1500, -1, 1.5, 2 ** 53)),
    serverTime: mostly(
      fc.constantFrom(
        '2026-11-26T01:05:54.123Z',
        '2026-02-30T01:05:54.123Z',
        '2026-11-26T01:05:54Z',
        '2026-11-26 01:05:54.123Z',
      ),
    ),
    extra: anyJson,
  }),
);
const bodyArb = fc.oneof(
  { arbitrary: responseArb, weight: 10 },
  { arbitrary: anyJson, weight: 1 },
  { arbitrary: fc.array(responseArb, { maxLength: 1 }), weight: 1 },
);

describe('parseSyncResponse', () => {
  checkProperty(
    'parseSyncResponse succeeds exactly when syncResponseSchema does, with the same data',
    fc.property(bodyArb, (body) => {
      const fast = parseSyncResponse(body);
      const schema = syncResponseSchema.safeParse(body);
      expect(fast.success).toBe(schema.success);
      if (!fast.success || !schema.success) return;
      const { changes, ...envelope } = fast.data;
      const { changes: schemaChanges, ...schemaEnvelope } = schema.data;
      expect(envelope).toEqual(schemaEnvelope);
      const fields = ({ table, id, field, value, hlc }: (typeof changes)[number]) =>
        [table, id, field, value, hlc] as const;
      expect(changes.map(fields)).toEqual(schemaChanges.map(fields));
    }),
    { numRuns: 2000 },
  );
});
