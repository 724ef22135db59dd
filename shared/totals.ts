// Pack weight totals (docs/architecture.md "The model"):
//   total      = Σ weight × qty                                        [W3]
//   consumable = Σ weight × qty of consumable entries                  [W4]
//   worn       = Σ weight × min(wornQty, qty) of the other entries     [W5]
//   base       = total − worn − consumable                             [W6]
//
// Floating point would make "total − worn − consumable" and the three sums disagree in the last
// bits, so the parts are summed on their own (base over the carried units of non-consumable
// entries) and total is defined as (base + worn) + consumable, evaluated in exactly that order.
// Then base + worn + consumable === total holds exactly, by construction [W7]; the direct
// Σ weight × qty agrees within rounding (relative 1e-12 in the tests). Inputs are expected to
// be schema-valid (finite weight ≥ 0, integer quantities 0..10000).

export interface TotalsEntry {
  weightGrams: number;
  qty: number;
  wornQty: number;
  consumable: boolean;
}

export interface Totals {
  total: number;
  base: number;
  worn: number;
  consumable: number;
}

export const ZERO_TOTALS: Readonly<Totals> = { total: 0, base: 0, worn: 0, consumable: 0 };

/** Worn units of an entry: min(wornQty, qty), never negative, and none for a consumable. */
export function wornUnits(entry: TotalsEntry): number {
  if (entry.consumable) return 0;
  return Math.max(0, Math.min(entry.wornQty, entry.qty));
}

export function computeTotals(entries: Iterable<TotalsEntry>): Totals {
  let base = 0;
  let worn = 0;
  let consumable = 0;
  for (const entry of entries) {
    if (entry.consumable) {
      // [W4] A consumable is never counted as worn, whatever its wornQty says.
      consumable += entry.weightGrams * entry.qty;
      continue;
    }
    const wornQty = wornUnits(entry);
    worn += entry.weightGrams * wornQty;
    base += entry.weightGrams * (entry.qty - wornQty);
  }
  return fromParts(base, worn, consumable);
}

/** Totals of two groups together (e.g. the lists of a pack); keeps [W7] exact. */
export function addTotals(a: Totals, b: Totals): Totals {
  return fromParts(a.base + b.base, a.worn + b.worn, a.consumable + b.consumable);
}

function fromParts(base: number, worn: number, consumable: number): Totals {
  return { total: base + worn + consumable, base, worn, consumable };
}
