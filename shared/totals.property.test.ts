import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { ZERO_TOTALS, addTotals, computeTotals } from './totals';
import type { Totals, TotalsEntry } from './totals';
import { checkProperty } from './test-support/property';

// Schema-valid entries (weight 0..1e6 g, quantities 0..10000), small quantities more often.
const qtyArb = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 10000 }));
const entryArb: fc.Arbitrary<TotalsEntry> = fc.record({
  weightGrams: fc.oneof(
    fc.double({ min: 0, max: 1e6, noNaN: true }),
    fc.integer({ min: 0, max: 5000 }),
  ),
  qty: qtyArb,
  wornQty: qtyArb,
  consumable: fc.boolean(),
});
const entriesArb = fc.array(entryArb, { maxLength: 40 });

const close = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
const sumOf = (t: Totals) => t.base + t.worn + t.consumable;

describe('totals properties', () => {
  checkProperty(
    '[W7] base + worn + consumable = total, exactly',
    fc.property(entriesArb, (entries) => {
      const t = computeTotals(entries);
      expect(sumOf(t)).toBe(t.total);
    }),
  );

  checkProperty(
    '[W3] total equals Σ weight × qty within 1e-12 relative',
    fc.property(entriesArb, (entries) => {
      const direct = entries.reduce((sum, e) => sum + e.weightGrams * e.qty, 0);
      expect(close(computeTotals(entries).total, direct)).toBe(true);
    }),
  );

  checkProperty(
    '[W4][W5] consumable and worn follow their formulas; every part is ≥ 0',
    fc.property(entriesArb, (entries) => {
      const t = computeTotals(entries);
      const consumable = entries
        .filter((e) => e.consumable)
        .reduce((s, e) => s + e.weightGrams * e.qty, 0);
      const worn = entries
        .filter((e) => !e.consumable)
        .reduce((s, e) => s + e.weightGrams * Math.min(e.wornQty, e.qty), 0);
      expect(t.consumable).toBe(consumable);
      expect(t.worn).toBe(worn);
      for (const part of [t.base, t.worn, t.consumable]) expect(part).toBeGreaterThanOrEqual(0);
    }),
  );

  checkProperty(
    '[W7] addTotals keeps the identity exactly and matches the totals of both groups',
    fc.property(entriesArb, entriesArb, (a, b) => {
      const added = addTotals(computeTotals(a), computeTotals(b));
      const together = computeTotals([...a, ...b]);
      expect(sumOf(added)).toBe(added.total);
      for (const key of ['total', 'base', 'worn', 'consumable'] as const) {
        expect(close(added[key], together[key])).toBe(true);
      }
      expect(addTotals(ZERO_TOTALS, added)).toEqual(added);
    }),
  );
});
