// parseSyncRequest answers like syncRequestSchema.safeParse for any body: its hand-written
// check may only accept what the schema accepts, with the same data.
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { parseSyncRequest, syncRequestSchema } from './protocol';
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
/** Mostly `valid`, sometimes any JSON value or none at all. */
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
const requestArb = withDroppedKey(
  fc.record({
    protocol: mostly(fc.constant(1)),
    nodeId: mostly(fc.constantFrom('0123456789abcdef', '0123456789ABCDEF', '0123456789abcde')),
    since: mostly(
      fc.constantFrom(
        '',
        '3f9a1c02be4d.2.1187',
        'x'.repeat(200),
        'x'.repeat(201),
        '😀'.repeat(100),
        '😀'.repeat(101),
      ),
    ),
    limit: mostly(fc.constantFrom(1, 1000, 5000, 5001, 0, 1.5)),
    resend: mostly(fc.boolean()),
    countRemaining: mostly(fc.boolean()),
    changes: mostly(fc.array(mostly(changeArb), { maxLength: 4 })),
    extra: anyJson,
  }),
);
const bodyArb = fc.oneof(
  { arbitrary: requestArb, weight: 10 },
  { arbitrary: anyJson, weight: 1 },
  { arbitrary: fc.array(requestArb, { maxLength: 1 }), weight: 1 },
);

describe('parseSyncRequest', () => {
  checkProperty(
    '[P3] parseSyncRequest succeeds exactly when syncRequestSchema does, with the same data',
    fc.property(bodyArb, (body) => {
      const fast = parseSyncRequest(body);
      const schema = syncRequestSchema.safeParse(body);
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
