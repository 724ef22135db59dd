import type { Item, ListEntry, Trip } from '../../shared/schemas';
import { describe, expect, it } from 'vitest';
import { SAMPLE_ROWS } from '../../shared/test-support/sample-rows';
import { buildChecklist, isCheckCurrent, type StoredCheck } from './checklist';
import type { PackSource } from './pack-totals';

const hlc = (second: number) =>
  `2026-07-01T10:00:${String(second).padStart(2, '0')}.000Z-0000-0123456789abcdef`;

const trip: Trip = { ...SAMPLE_ROWS.trips, id: 't', packId: 'p' };
const item = (id: string, extra: Partial<Item> = {}): Item => ({
  ...SAMPLE_ROWS.items,
  id,
  name: `Item ${id}`,
  ...extra,
});
const entry = (listId: string, itemId: string, qty: number, sortKey = 'a0'): ListEntry => ({
  ...SAMPLE_ROWS.listEntries,
  id: `${listId}:${itemId}`,
  listId,
  itemId,
  qty,
  sortKey,
});
const check = (itemId: string, at: number, extra: Partial<StoredCheck> = {}): StoredCheck => ({
  id: `t:${itemId}`,
  tripId: 't',
  itemId,
  checked: true,
  deleted: false,
  _hlc: { checked: hlc(at) },
  ...extra,
});

const source: PackSource = {
  pack: { ...SAMPLE_ROWS.packs, id: 'p' },
  packLists: [
    { ...SAMPLE_ROWS.packLists, id: 'p:kitchen', packId: 'p', listId: 'kitchen', sortKey: 'a0' },
    { ...SAMPLE_ROWS.packLists, id: 'p:sleep', packId: 'p', listId: 'sleep', sortKey: 'a1' },
  ],
  lists: [
    { ...SAMPLE_ROWS.lists, id: 'kitchen', name: 'Kitchen' },
    { ...SAMPLE_ROWS.lists, id: 'sleep', name: 'Sleep' },
  ],
  items: [item('stove'), item('lighter'), item('bag'), item('pad')],
  entries: [
    entry('kitchen', 'stove', 1, 'a0'),
    entry('kitchen', 'lighter', 2, 'a1'),
    entry('sleep', 'bag', 1, 'a0'),
    entry('sleep', 'lighter', 1, 'a1'),
    entry('sleep', 'pad', 1, 'a2'),
  ],
};

describe('checklist lines', () => {
  it('groups items by list in pack order, then entry order', () => {
    const list = buildChecklist(trip, source, []);
    expect(list?.groups.map((g) => [g.name, g.lines.map((l) => l.itemId)])).toEqual([
      ['Kitchen', ['stove', 'lighter']],
      ['Sleep', ['bag', 'pad']],
    ]);
  });

  it('shows an item of two lists once, under its first list, with the quantities added', () => {
    const lighter = buildChecklist(trip, source, [])
      ?.groups.flatMap((g) => g.lines)
      .filter((l) => l.itemId === 'lighter');
    expect(lighter).toEqual([{ itemId: 'lighter', name: 'Item lighter', qty: 3 }]);
  });

  it('hides deleted items, entries and lists, and skips a list left empty', () => {
    const list = buildChecklist(
      trip,
      {
        ...source,
        lists: source.lists.map((l) => (l.id === 'sleep' ? { ...l, deleted: true } : l)),
        items: source.items.map((i) => (i.id === 'stove' ? { ...i, deleted: true } : i)),
        entries: source.entries.map((e) => (e.itemId === 'lighter' ? { ...e, deleted: true } : e)),
      },
      [],
    );
    expect(list?.groups).toEqual([]);
    expect(list?.total).toBe(0);
  });

  it('is null for a deleted or missing trip, and empty for a deleted or other pack', () => {
    expect(buildChecklist({ ...trip, deleted: true }, source, [])).toBeNull();
    expect(buildChecklist(undefined, source, [])).toBeNull();
    const deletedPack = { ...SAMPLE_ROWS.packs, id: 'p', deleted: true };
    expect(buildChecklist(trip, { ...source, pack: deletedPack }, [])).toMatchObject({
      groups: [],
      packed: 0,
      total: 0,
    });
    expect(buildChecklist({ ...trip, packId: null }, source, [])?.groups).toEqual([]);
  });
});

describe('checked rule and progress', () => {
  it('counts checks when the checklist was never reset', () => {
    const list = buildChecklist(trip, source, [check('stove', 1), check('pad', 2)]);
    expect([...(list?.checked ?? [])].sort()).toEqual(['pad', 'stove']);
    expect(list).toMatchObject({ packed: 2, total: 4 });
  });

  it('ignores a check made before the reset and counts one made after it', () => {
    const reset = { ...trip, checksResetAt: hlc(10) };
    const list = buildChecklist(reset, source, [check('stove', 5), check('pad', 11)]);
    expect([...(list?.checked ?? [])]).toEqual(['pad']);
    expect(list).toMatchObject({ packed: 1, total: 4 });
  });

  it.each([
    ['unchecked', { checked: false }, null, false],
    ['deleted', { deleted: true }, null, false],
    ['unstamped, no reset', { _hlc: {} }, null, true],
    ['unstamped, after a reset', { _hlc: {} }, hlc(0), false],
    ['stamped at the reset itself', {}, hlc(3), false],
  ] as const)('a check that is %s', (_, extra, resetAt, expected) => {
    expect(isCheckCurrent(check('stove', 3, extra), resetAt)).toBe(expected);
  });

  it("ignores another trip's checks and checks of items not on the list in progress", () => {
    const other = check('stove', 1, { id: 'x:stove', tripId: 'x' });
    const list = buildChecklist(trip, source, [other, check('gone', 1)]);
    expect(list).toMatchObject({ packed: 0, total: 4 });
  });

  it('counts an item of two lists once', () => {
    const list = buildChecklist(trip, source, [check('lighter', 1)]);
    expect(list).toMatchObject({ packed: 1, total: 4 });
  });
});
