import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { MAX_DRIFT_MS, formatHlc, isTooFarAhead, parseHlc } from './hlc';
import type { SyncChange } from './protocol';
import {
  TABLE_NAMES,
  fieldSchemaFor,
  idSchemaFor,
  isJoinTable,
  isTableName,
  joinPartMatches,
  tableFields,
} from './schemas';
import { hlcStateArb } from './test-support/arbitraries';
import { checkProperty } from './test-support/property';
import { validateChange, validateChanges } from './validate-change';

const NODE = '0123456789abcdef';
const NOW = Date.UTC(2026, 10, 26, 1, 5, 54, 123);
const FIELDS = [...new Set(TABLE_NAMES.flatMap((t) => Object.keys(tableFields[t])))];

// A valid cell with, now and then, one part or another swapped for something else.
const VALID_CELLS = [
  { table: 'items', id: 'i1', field: 'name', value: 'Tent' },
  { table: 'items', id: 'i1', field: 'priceCents', value: null },
  { table: 'listEntries', id: 'l1:i1', field: 'listId', value: 'l1' },
  { table: 'listEntries', id: 'l1:i1', field: 'qty', value: 2 },
  { table: 'tripChecks', id: 't1:i1', field: 'checked', value: true },
  { table: 'trips', id: 't1', field: 'startDate', value: '2026-07-01' },
  { table: 'settings', id: 'settings', field: 'theme', value: 'dark' },
] as const;

/** [P1] from the schemas and the hlc parser directly, none of validate-change's memos. */
function isValidWithoutMemory(change: SyncChange): boolean {
  const { table, id, field, value } = change;
  if (!isTableName(table)) return false;
  const valueOk = fieldSchemaFor(table, field)?.safeParse(value).success === true;
  const idOk = idSchemaFor(table).safeParse(id).success;
  const joinOk = !isJoinTable(table) || joinPartMatches(table, id, field, value);
  const hlc = parseHlc(change.hlc);
  return valueOk && idOk && joinOk && hlc?.node === NODE && !isTooFarAhead(hlc, NOW);
}

const mostly = <T>(usual: T, other: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: fc.constant(usual), weight: 6 }, { arbitrary: other, weight: 1 });

const hlcNearNowArb = hlcStateArb(
  { min: NOW - 1e9, max: NOW + 2 * MAX_DRIFT_MS },
  mostly(NODE, fc.constant('fedcba9876543210')),
).map(formatHlc);

const changeArb: fc.Arbitrary<SyncChange> = fc.constantFrom(...VALID_CELLS).chain((cell) =>
  fc.record({
    table: mostly<string>(
      cell.table,
      fc.constantFrom(...TABLE_NAMES, 'users', '__proto__', 'constructor'),
    ),
    id: mostly<string>(
      cell.id,
      fc.oneof(fc.constantFrom('i1', 'l2:i1', 'settings', 'a b', ''), fc.string()),
    ),
    field: mostly<string>(cell.field, fc.constantFrom(...FIELDS, '__proto__', 'constructor', 'id')),
    value: mostly<unknown>(
      cell.value,
      fc.oneof(fc.constantFrom(null, 10001, '', 'l2'), fc.anything()),
    ),
    hlc: mostly(undefined, fc.string()).chain((junk) =>
      junk === undefined ? hlcNearNowArb : fc.constant(junk),
    ),
  }),
);

describe('validateChange properties', () => {
  checkProperty(
    '[P1] never throws, and accepts only valid cells of the pushing node within the drift bound',
    fc.property(changeArb, (change) => {
      const result = validateChange(change, NODE, NOW);
      if (!result.ok) return;
      expect(isTableName(change.table)).toBe(true);
      if (!isTableName(change.table)) return;
      expect(fieldSchemaFor(change.table, change.field)?.safeParse(change.value).success).toBe(
        true,
      );
      const hlc = parseHlc(change.hlc);
      expect(hlc?.node).toBe(NODE);
      expect((hlc?.millis ?? Infinity) - NOW).toBeLessThanOrEqual(MAX_DRIFT_MS);
    }),
  );

  checkProperty(
    '[P1] a verdict does not depend on the changes checked before it (the checks remember the last valid input)',
    fc.property(fc.array(changeArb, { minLength: 2, maxLength: 12 }), (changes) => {
      const forward = changes.map((c) => validateChange(c, NODE, NOW));
      const backward = changes.toReversed().map((c) => validateChange(c, NODE, NOW));
      expect(backward.toReversed()).toEqual(forward);
      // And each verdict is what the checks give without remembering anything.
      expect(forward.map((r) => r.ok)).toEqual(changes.map(isValidWithoutMemory));
    }),
  );

  checkProperty(
    '[P2] a batch fails with the first invalid change if any, else the first drifting one',
    fc.property(fc.array(changeArb, { maxLength: 12 }), (changes) => {
      const results = changes.map((c) => validateChange(c, NODE, NOW));
      const invalid = results.findIndex((r) => !r.ok && r.code === 'invalid_request');
      const drift = results.findIndex((r) => !r.ok && r.code === 'clock_drift');
      const batch = validateChanges(changes, NODE, NOW);
      if (invalid >= 0)
        expect(batch).toMatchObject({ ok: false, code: 'invalid_request', index: invalid });
      else if (drift >= 0)
        expect(batch).toMatchObject({ ok: false, code: 'clock_drift', index: drift });
      else expect(batch).toEqual({ ok: true });
    }),
  );
});
