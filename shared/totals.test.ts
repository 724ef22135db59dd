import { describe, expect, it } from 'vitest';
import { ZERO_TOTALS, addTotals, computeTotals, wornUnits } from './totals';
import type { Totals, TotalsEntry } from './totals';

const entry = (weightGrams: number, qty: number, wornQty = 0, consumable = false): TotalsEntry => ({
  weightGrams,
  qty,
  wornQty,
  consumable,
});
const totals = (total: number, base: number, worn: number, consumable: number): Totals => ({
  total,
  base,
  worn,
  consumable,
});

describe('computeTotals', () => {
  it.each<[string, TotalsEntry[], Totals]>([
    ['[W3] nothing weighs nothing', [], totals(0, 0, 0, 0)],
    ['[W6] carried gear is base weight', [entry(1200, 1)], totals(1200, 1200, 0, 0)],
    ['[W3] weight times quantity', [entry(50, 3)], totals(150, 150, 0, 0)],
    ['[W5] two trekking poles, both worn', [entry(250, 2, 2)], totals(500, 0, 500, 0)],
    ['[W5] one of two pairs of socks worn', [entry(60, 2, 1)], totals(120, 60, 60, 0)],
    ['[W5] wornQty above qty counts as qty', [entry(100, 1, 5)], totals(100, 0, 100, 0)],
    ['[W5] qty 0 weighs nothing, worn or not', [entry(100, 0, 3)], totals(0, 0, 0, 0)],
    ['[W4] consumables are never worn', [entry(400, 2, 2, true)], totals(800, 0, 0, 800)],
    [
      '[W3-W6] a small pack',
      [entry(1200, 1), entry(250, 2, 2), entry(60, 2, 1), entry(400, 2, 0, true), entry(30, 0)],
      totals(2620, 1260, 560, 800),
    ],
  ])('%s', (_name, entries, expected) => {
    expect(computeTotals(entries)).toEqual(expected);
  });

  it('[W7] base + worn + consumable is exactly total for fractional weights', () => {
    const t = computeTotals([entry(0.1, 3), entry(0.2, 7, 2), entry(28.349523125, 3, 0, true)]);
    expect(t.base + t.worn + t.consumable).toBe(t.total);
  });

  it('[W3] accepts any iterable', () => {
    function* gen() {
      yield entry(10, 1);
      yield entry(5, 2, 1);
    }
    expect(computeTotals(gen())).toEqual(totals(20, 15, 5, 0));
  });
});

describe('wornUnits', () => {
  it.each<[TotalsEntry, number]>([
    [entry(1, 2, 1), 1],
    [entry(1, 2, 3), 2],
    [entry(1, 2, -1), 0],
    [entry(1, 2, 2, true), 0],
  ])('[W5] wornUnits(%j) is %d', (e, n) => {
    expect(wornUnits(e)).toBe(n);
  });
});

describe('addTotals', () => {
  it('[W7] adds part by part and derives the total from the parts', () => {
    expect(addTotals(totals(10, 5, 3, 2), totals(7, 1, 2, 4))).toEqual(totals(17, 6, 5, 6));
    expect(addTotals(ZERO_TOTALS, totals(7, 1, 2, 4))).toEqual(totals(7, 1, 2, 4));
  });
});
