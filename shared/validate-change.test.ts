import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc';
import { MAX_DRIFT_MS } from './hlc';
import type { SyncChange } from './protocol';
import { validateCell, validateChange, validateChanges } from './validate-change';

const NODE = '0123456789abcdef';
const OTHER = 'fedcba9876543210';
const NOW = Date.UTC(2026, 10, 26, 1, 5, 54, 123);
const hlc = (millis = NOW, node = NODE) => formatHlc({ millis, counter: 0, node });
const change = (over: Partial<SyncChange> = {}): SyncChange => ({
  table: 'items',
  id: '0193a6f1-7c2e-7b3a-9d4e-1f2a3b4c5d6e',
  field: 'name',
  value: 'Tent',
  hlc: hlc(),
  ...over,
});

describe('validateChange', () => {
  it.each<[string, Partial<SyncChange>]>([
    ['an item name', {}],
    ['a null where allowed', { field: 'priceCents', value: null }],
    ['a delete', { field: 'deleted', value: true }],
    ['a list entry', { table: 'listEntries', id: 'l1:i1', field: 'itemId', value: 'i1' }],
    ['a list entry quantity', { table: 'listEntries', id: 'l1:i1', field: 'qty', value: 2 }],
    ['a pack list', { table: 'packLists', id: 'p1:l1', field: 'packId', value: 'p1' }],
    ['a trip check', { table: 'tripChecks', id: 't1:i1', field: 'checked', value: true }],
    ['a trip reset', { table: 'trips', id: 't1', field: 'checksResetAt', value: hlc(NOW - 1) }],
    ['settings', { table: 'settings', id: 'settings', field: 'units', value: 'oz' }],
    ['an hlc exactly 10 minutes ahead', { hlc: hlc(NOW + MAX_DRIFT_MS) }],
    ['an hlc far in the past', { hlc: hlc(0) }],
  ])('[P1] accepts %s', (_name, over) => {
    const c = change(over);
    expect(validateChange(c, NODE, NOW)).toEqual({ ok: true, change: c });
  });

  it.each<[string, Partial<SyncChange>, RegExp]>([
    ['an unknown table', { table: 'users' }, /unknown table "users"/],
    ['a prototype key as table', { table: 'constructor' }, /unknown table/],
    ['an unknown field', { field: 'weight' }, /unknown field "weight" of items/],
    ['__proto__ as field', { field: '__proto__' }, /unknown field/],
    ['the id as a field', { field: 'id', value: 'x' }, /unknown field/],
    ['a value of the wrong type', { field: 'weightGrams', value: '100' }, /items.weightGrams/],
    [
      'a value out of range',
      { field: 'qty', table: 'listEntries', id: 'l:i', value: 10001 },
      /listEntries.qty/,
    ],
    ['a blank name', { value: '   ' }, /items.name/],
    ['null where not allowed', { value: null }, /items.name/],
    ['a missing value', { value: undefined }, /items.name/],
    ['a bad id', { id: 'a b' }, /invalid id for items/],
    ['an id too long', { id: 'x'.repeat(81) }, /invalid id/],
    [
      'a join id without parts',
      { table: 'tripChecks', id: 't1', field: 'checked', value: true },
      /invalid id/,
    ],
    [
      'a parent not matching the id',
      { table: 'listEntries', id: 'l1:i1', field: 'listId', value: 'l2' },
      /listId does not match/,
    ],
    [
      'a settings row with another id',
      { table: 'settings', id: 'prefs', field: 'theme', value: 'dark' },
      /invalid id/,
    ],
    ['a malformed hlc', { hlc: '2026-11-26T01:05:54.123Z-0000-0123456789ABCDEF' }, /malformed hlc/],
    ['an hlc of another node', { hlc: hlc(NOW, OTHER) }, /another node/],
  ])('[P1] rejects %s as invalid_request', (_name, over, reason) => {
    const result = validateChange(change(over), NODE, NOW);
    expect(result).toMatchObject({ ok: false, code: 'invalid_request' });
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('[P1] rejects an hlc more than 10 minutes ahead as clock_drift', () => {
    expect(validateChange(change({ hlc: hlc(NOW + MAX_DRIFT_MS + 1) }), NODE, NOW)).toMatchObject({
      ok: false,
      code: 'clock_drift',
    });
  });

  it('[P1] an invalid change that also drifts is invalid_request', () => {
    const c = change({ value: '', hlc: hlc(NOW + MAX_DRIFT_MS + 1) });
    expect(validateChange(c, NODE, NOW)).toMatchObject({ ok: false, code: 'invalid_request' });
  });

  it('[P1] reasons quote untrusted text briefly', () => {
    const result = validateChange(change({ table: 'x'.repeat(1000) }), NODE, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeLessThan(100);
  });
});

describe('validateCell', () => {
  it('[P1] checks the cell but not its node or drift (for pulled cells)', () => {
    const far = change({ hlc: hlc(NOW + 10 * MAX_DRIFT_MS, OTHER) });
    expect(validateCell(far)).toEqual({ ok: true, change: far });
    expect(validateCell(change({ value: 5 }))).toMatchObject({
      ok: false,
      code: 'invalid_request',
    });
  });
});

describe('validateChanges', () => {
  const ok = change();
  const drift = change({ hlc: hlc(NOW + MAX_DRIFT_MS + 1) });
  const bad = change({ field: 'nope' });
  it.each<[string, SyncChange[], object]>([
    ['an empty batch', [], { ok: true }],
    ['a valid batch', [ok, ok], { ok: true }],
    [
      '[P2] invalid after drift: invalid wins',
      [ok, drift, bad],
      { ok: false, code: 'invalid_request', index: 2 },
    ],
    [
      '[P2] the first invalid index',
      [bad, ok, bad],
      { ok: false, code: 'invalid_request', index: 0 },
    ],
    [
      '[P2] the first drifting index',
      [ok, drift, drift],
      { ok: false, code: 'clock_drift', index: 1 },
    ],
  ])('%s', (_name, changes, expected) => {
    expect(validateChanges(changes, NODE, NOW)).toMatchObject(expected);
  });
});
