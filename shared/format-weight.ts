// Weight for display [W8]: the number in the user's unit, rounded to a precision that suits
// the unit, then a space and the unit symbol ("1.25 kg", "12.3 oz", "850 g", "2.5 g").
//
// Decisions:
// - decimals: g 0 (but 1 below 10 g, where a gram is a large share), kg 2, oz 1, lb 2;
// - trailing zeros are trimmed by default ("1 kg", not "1.00 kg"): the text reads like a
//   person wrote it; pass `trimZeros: false` for columns that should line up;
// - halves round away from zero on the shortest decimal spelling of the number, so 1.005 kg
//   shows as "1.01 kg" (Number#toFixed alone would say "1.00": 1.005 is 1.00499… in binary);
// - no digit grouping and always "." as decimal point: the result is locale-independent;
//   a locale-aware UI can format `fromGrams` itself.
import { fromGrams } from './units';
import type { WeightUnit } from './units';

export interface FormatWeightOptions {
  /** Overrides the unit's usual number of decimals. */
  decimals?: number;
  /** Drop trailing zeros after the decimal point (default true). */
  trimZeros?: boolean;
}

const DECIMALS: Readonly<Record<WeightUnit, number>> = { g: 0, kg: 2, oz: 1, lb: 2 };

/** The decimals used for `value` (already in `unit`) when none are given. */
export function displayDecimals(value: number, unit: WeightUnit): number {
  return unit === 'g' && Math.abs(value) < 10 ? 1 : DECIMALS[unit];
}

export function formatWeight(
  grams: number,
  unit: WeightUnit,
  opts: FormatWeightOptions = {},
): string {
  if (!Number.isFinite(grams)) throw new RangeError(`weight is not a finite number: ${grams}`);
  const value = fromGrams(grams, unit);
  const decimals = opts.decimals ?? displayDecimals(value, unit);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be an integer 0..20: ${decimals}`);
  }
  const rounded = roundHalfAwayFromZero(Math.abs(value), decimals);
  let text = rounded.toFixed(decimals);
  if (opts.trimZeros ?? true) text = trimZeros(text);
  // No "-0": a tiny negative that rounds to zero shows as zero.
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return `${sign}${text} ${unit}`;
}

/** Rounds a non-negative number in the decimal domain, via its shortest decimal spelling. */
function roundHalfAwayFromZero(x: number, decimals: number): number {
  // Past 1e15 there are no fractional digits left to round.
  if (x >= 1e15) return x;
  const [mantissa = '0', exponent = '0'] = x.toExponential().split('e');
  const shifted = Number(`${mantissa}e${Number(exponent) + decimals}`);
  return Number(`${Math.round(shifted)}e${-decimals}`);
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
