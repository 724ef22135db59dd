import type { Trip } from '../../shared/schemas';
import { describe, expect, it } from 'vitest';
import { ZERO_TOTALS } from '../../shared/weight';
import { SAMPLE_ROWS } from '../../shared/test-support/sample-rows';
import type { PackSource } from './pack-totals';
import { tripTotals } from './trip-totals';

const trip: Trip = { ...SAMPLE_ROWS.trips, id: 't', packId: 'p' };
// A pack with one list: a 1000 g tent ×1, socks 50 g ×3 of which 5 "worn" (counts 3),
// and 400 g of food that is consumable and also marked worn (counts as consumable only).
const pack: PackSource = {
  pack: { ...SAMPLE_ROWS.packs, id: 'p' },
  packLists: [{ ...SAMPLE_ROWS.packLists, id: 'p:l', packId: 'p', listId: 'l' }],
  lists: [{ ...SAMPLE_ROWS.lists, id: 'l' }],
  items: [
    { ...SAMPLE_ROWS.items, id: 'tent', weightGrams: 1000 },
    { ...SAMPLE_ROWS.items, id: 'socks', weightGrams: 50 },
    { ...SAMPLE_ROWS.items, id: 'food', weightGrams: 400 },
    { ...SAMPLE_ROWS.items, id: 'gone', weightGrams: 999, deleted: true },
  ],
  entries: [
    {
      ...SAMPLE_ROWS.listEntries,
      id: 'l:tent',
      listId: 'l',
      itemId: 'tent',
      qty: 1,
      wornQty: 0,
      consumable: false,
    },
    {
      ...SAMPLE_ROWS.listEntries,
      id: 'l:socks',
      listId: 'l',
      itemId: 'socks',
      qty: 3,
      wornQty: 5,
      consumable: false,
    },
    {
      ...SAMPLE_ROWS.listEntries,
      id: 'l:food',
      listId: 'l',
      itemId: 'food',
      qty: 1,
      wornQty: 1,
      consumable: true,
    },
    {
      ...SAMPLE_ROWS.listEntries,
      id: 'l:gone',
      listId: 'l',
      itemId: 'gone',
      qty: 1,
      wornQty: 0,
      consumable: false,
    },
  ],
};

describe('tripTotals', () => {
  it("is its pack's totals: qty, worn capped at qty, consumable never worn, deleted items hidden", () => {
    expect(tripTotals(trip, pack)).toEqual({ total: 1550, base: 1000, worn: 150, consumable: 400 });
  });

  it('is zero without a pack, with a deleted pack, another pack, or a deleted trip', () => {
    expect(tripTotals({ ...trip, packId: null }, pack)).toEqual(ZERO_TOTALS);
    expect(
      tripTotals(trip, { ...pack, pack: { ...SAMPLE_ROWS.packs, id: 'p', deleted: true } }),
    ).toEqual(ZERO_TOTALS);
    expect(tripTotals({ ...trip, packId: 'other' }, pack)).toEqual(ZERO_TOTALS);
    expect(tripTotals({ ...trip, deleted: true }, pack)).toEqual(ZERO_TOTALS);
    expect(tripTotals(undefined, pack)).toEqual(ZERO_TOTALS);
  });

  it('hides a list removed from the pack', () => {
    const removed = {
      ...pack,
      packLists: [{ ...SAMPLE_ROWS.packLists, id: 'p:l', packId: 'p', listId: 'l', deleted: true }],
    };
    expect(tripTotals(trip, removed)).toEqual(ZERO_TOTALS);
  });
});
