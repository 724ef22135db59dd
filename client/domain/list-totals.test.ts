import { describe, expect, it } from 'vitest';
import { listTotals } from './list-totals';

const item = (weightGrams: number, deleted = false) => ({ weightGrams, deleted });
const entry = (
  itemId: string,
  fields: Partial<{ qty: number; wornQty: number; consumable: boolean; deleted: boolean }> = {},
) => ({ itemId, qty: 1, wornQty: 0, consumable: false, deleted: false, ...fields });

const items = new Map([
  ['tent', item(1200)],
  ['poles', item(250)],
  ['socks', item(60)],
  ['food', item(700)],
  ['gone', item(999, true)],
]);

describe('listTotals', () => {
  it('is zero for an empty list', () => {
    expect(listTotals([], items)).toEqual({ total: 0, base: 0, worn: 0, consumable: 0 });
  });

  it('multiplies by qty', () => {
    expect(listTotals([entry('tent', { qty: 2 })], items)).toEqual({
      total: 2400,
      base: 2400,
      worn: 0,
      consumable: 0,
    });
  });

  it('counts worn units, and no more worn than there are (wornQty > qty)', () => {
    const totals = listTotals(
      [entry('poles', { qty: 2, wornQty: 2 }), entry('socks', { qty: 2, wornQty: 5 })],
      items,
    );
    expect(totals).toEqual({ total: 620, base: 0, worn: 620, consumable: 0 });
    expect(listTotals([entry('socks', { qty: 2, wornQty: 1 })], items)).toEqual({
      total: 120,
      base: 60,
      worn: 60,
      consumable: 0,
    });
  });

  it('counts a consumable that is also marked worn as consumable only', () => {
    const totals = listTotals([entry('food', { qty: 3, wornQty: 2, consumable: true })], items);
    expect(totals).toEqual({ total: 2100, base: 0, worn: 0, consumable: 2100 });
  });

  it('hides deleted entries, entries of deleted items and entries of missing items', () => {
    const totals = listTotals(
      [
        entry('tent'),
        entry('tent', { deleted: true, qty: 5 }),
        entry('gone', { qty: 3 }),
        entry('missing', { qty: 4 }),
      ],
      items,
    );
    expect(totals).toEqual({ total: 1200, base: 1200, worn: 0, consumable: 0 });
  });

  it('adds up to total exactly across parts', () => {
    const totals = listTotals(
      [
        entry('tent'),
        entry('poles', { qty: 2, wornQty: 1 }),
        entry('food', { qty: 2, consumable: true }),
      ],
      items,
    );
    expect(totals).toEqual({ total: 3100, base: 1450, worn: 250, consumable: 1400 });
    expect(totals.base + totals.worn + totals.consumable).toBe(totals.total);
  });
});
