// Bodies, and the comparison, for the properties that hold a hand-written wire check to its zod schema
// (parseSyncRequest, parseSyncResponse): mostly well-formed, with any JSON value, a missing
// key or an extra one mixed in.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { z } from 'zod';
import type { SyncChange } from '../protocol';

export const anyJson = fc.oneof(
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
export const mostly = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: anyJson, weight: 1 });

/** A record whose keys are sometimes dropped one at a time. */
export const withDroppedKey = (arb: fc.Arbitrary<Record<string, unknown>>) =>
  fc.tuple(arb, fc.option(fc.nat(7), { freq: 4 })).map(([record, drop]) => {
    const keys = Object.keys(record);
    if (drop === null || drop >= keys.length) return record;
    const dropped = keys[drop];
    return Object.fromEntries(Object.entries(record).filter(([key]) => key !== dropped));
  });

/** One change of a sync body, mostly well-formed. */
export const wireChangeArb = withDroppedKey(
  fc.record({
    table: mostly(fc.constant('items')),
    id: mostly(fc.constant('a1')),
    field: mostly(fc.constant('name')),
    value: anyJson,
    hlc: mostly(fc.constant('2026-11-26T01:05:54.123Z-0000-0123456789abcdef')),
    extra: anyJson,
  }),
);

/** `arb` as a body, or any JSON value, or an array holding at most one `arb`. */
export const bodyOf = (arb: fc.Arbitrary<Record<string, unknown>>) =>
  fc.oneof(
    { arbitrary: arb, weight: 10 },
    { arbitrary: anyJson, weight: 1 },
    { arbitrary: fc.array(arb, { maxLength: 1 }), weight: 1 },
  );

type Parsed = z.ZodSafeParseResult<{ changes: SyncChange[] }>;

/**
 * The hand-written check answers as the schema does: it succeeds exactly when the schema
 * does, with the same data (changes may keep extra keys, which nothing reads).
 */
export function expectSameAsSchema(fast: Parsed, schema: Parsed): void {
  expect(fast.success).toBe(schema.success);
  if (!fast.success || !schema.success) return;
  const { changes, ...envelope } = fast.data;
  const { changes: schemaChanges, ...schemaEnvelope } = schema.data;
  expect(envelope).toEqual(schemaEnvelope);
  const fields = ({ table, id, field, value, hlc }: SyncChange) => [table, id, field, value, hlc];
  expect(changes.map(fields)).toEqual(schemaChanges.map(fields));
}
