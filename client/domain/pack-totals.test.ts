import type { Item, List, ListEntry, Pack, PackList } from '../../shared/schemas';
import { describe, expect, it } from 'vitest';
import { SAMPLE_ROWS } from '../../shared/test-support/sample-rows';
import { packContents, packTotals, type PackSource } from './pack-totals';

const pack: Pack = { ...SAMPLE_ROWS.packs, id: 'p' };
const item = (id: string, weightGrams: number, extra: Partial<Item> = {}): Item => ({
  ...SAMPLE_ROWS.items,
  id,
  name: id,
  weightGrams,
  ...extra,
});
const list = (id: string, extra: Partial<List> = {}): List => ({
  ...SAMPLE_ROWS.lists,
  id,
  name: id,
  ...extra,
});
const packList = (listId: string, sortKey: string, extra: Partial<PackList> = {}) => ({
  ...SAMPLE_ROWS.packLists,
  id: `p:${listId}`,
  packId: 'p',
  listId,
  sortKey,
  ...extra,
});
const entry = (
  listId: string,
  itemId: string,
  qty: number,
  extra: Partial<ListEntry> = {},
): ListEntry => ({
  ...SAMPLE_ROWS.listEntries,
  id: `${listId}:${itemId}`,
  listId,
  itemId,
  qty,
  wornQty: 0,
  consumable: false,
  sortKey: 'a0',
  ...extra,
});

function source(extra: Partial<PackSource> = {}): PackSource {
  return {
    pack,
    packLists: [packList('l1', 'a0'), packList('l2', 'a1')],
    lists: [list('l1'), list('l2')],
    entries: [],
    items: [],
    ...extra,
  };
}

const totalsOf = (s: PackSource) => packTotals(packContents(s));

describe('pack totals', () => {
  it('multiplies weight by qty', () => {
    const t = totalsOf(source({ items: [item('a', 100)], entries: [entry('l1', 'a', 3)] }));
    expect(t.totals).toEqual({ total: 300, base: 300, worn: 0, consumable: 0 });
  });

  it('counts at most qty units as worn when wornQty is larger', () => {
    const t = totalsOf(
      source({ items: [item('poles', 250)], entries: [entry('l1', 'poles', 2, { wornQty: 5 })] }),
    );
    expect(t.totals).toEqual({ total: 500, base: 0, worn: 500, consumable: 0 });
  });

  it('counts a consumable that is also marked worn as consumable only', () => {
    const t = totalsOf(
      source({
        items: [item('food', 400), item('socks', 50)],
        entries: [
          entry('l1', 'food', 2, { consumable: true, wornQty: 1 }),
          entry('l1', 'socks', 2, { wornQty: 1, sortKey: 'a1' }),
        ],
      }),
    );
    expect(t.totals).toEqual({ total: 900, base: 50, worn: 50, consumable: 800 });
  });

  it('gives totals per list in pack order, and their sum', () => {
    const t = totalsOf(
      source({
        packLists: [packList('l1', 'b0'), packList('l2', 'a0')],
        items: [item('a', 100), item('b', 10)],
        entries: [entry('l1', 'a', 1), entry('l2', 'b', 2)],
      }),
    );
    expect(t.lists.map((l) => [l.listId, l.totals.total])).toEqual([
      ['l2', 20],
      ['l1', 100],
    ]);
    expect(t.totals.total).toBe(120);
  });

  it('counts an item in two lists in both', () => {
    const t = totalsOf(
      source({ items: [item('a', 100)], entries: [entry('l1', 'a', 1), entry('l2', 'a', 2)] }),
    );
    expect(t.totals.total).toBe(300);
  });

  it('hides deleted rows and rows whose parent is deleted or missing', () => {
    const t = totalsOf(
      source({
        packLists: [
          packList('l1', 'a0'),
          packList('l2', 'a1', { deleted: true }), // removed from the pack
          packList('l3', 'a2'), // its list is deleted
          packList('gone', 'a3'), // its list never arrived
          { ...packList('l4', 'a4'), packId: 'other', id: 'other:l4' }, // another pack's
        ],
        lists: [list('l1'), list('l2'), list('l3', { deleted: true }), list('l4')],
        items: [item('a', 1), item('b', 10, { deleted: true }), item('c', 100)],
        entries: [
          entry('l1', 'a', 1),
          entry('l1', 'b', 1), // item deleted
          entry('l1', 'missing', 1), // item never arrived
          entry('l1', 'c', 1, { deleted: true }), // entry deleted
          entry('l2', 'c', 1),
          entry('l3', 'c', 1),
          entry('l4', 'c', 1),
        ],
      }),
    );
    expect(t.lists.map((l) => l.listId)).toEqual(['l1']);
    expect(t.totals.total).toBe(1);
  });

  it('holds nothing when the pack is deleted or missing', () => {
    const rows = { items: [item('a', 1)], entries: [entry('l1', 'a', 1)] };
    expect(packContents(source({ ...rows, pack: { ...pack, deleted: true } }))).toEqual([]);
    expect(packContents(source({ ...rows, pack: undefined }))).toEqual([]);
    expect(totalsOf(source({ pack: undefined })).totals.total).toBe(0);
  });

  it('orders entries by sort key, then id', () => {
    const [l1] = packContents(
      source({
        items: [item('a', 1), item('b', 1), item('c', 1)],
        entries: [
          entry('l1', 'c', 1, { sortKey: 'a0' }),
          entry('l1', 'b', 1, { sortKey: 'a1' }),
          entry('l1', 'a', 1, { sortKey: 'a1' }),
        ],
      }),
    );
    expect(l1?.entries.map((e) => e.item.id)).toEqual(['c', 'a', 'b']);
  });
});
