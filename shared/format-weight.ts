// Weight for display [W8]: the number in the user's unit, rounded to a precision that suits
// the unit, written in the user's locale (digit grouping, decimal mark), then a space and
// the unit symbol ("1.25 kg", "12.3 oz", "850 g", "11,163 g"; "1,25 kg" in de-DE).
//
// Decisions:
// - decimals: g 0 (but 1 below 10 g, where a gram is a large share), kg 2, oz 1, lb 2;
// - trailing zeros are trimmed by default ("1 kg", not "1.00 kg"): the text reads like a
//   person wrote it; pass `trimZeros: false` for columns that should line up;
// - halves round away from zero on the shortest decimal spelling of the number, so 1.005 kg
//   shows as "1.01 kg" (Number#toFixed alone would say "1.00": 1.005 is 1.00499… in binary);
//   Intl only spells the already rounded number, so its own rounding never matters;
// - [W9] the unit `auto` is how gear people write weights: grams below 1 kg and kilograms
//   from there ("850 g", "1.2 kg"), or ounces below 1 lb and pounds from there for the
//   imperial system. The switch looks at the rounded text, so 999.6 g reads "1 kg", never
//   "1,000 g";
// - the symbols stay as written ("g", "kg", "oz", "lb"): gear lists everywhere use them.
// `plainWeightNumber` is the locale-independent spelling for files (LighterPack CSV).
import { DEFAULT_UNIT_SYSTEM, fromGrams, type DisplayUnit, type UnitSystem } from './units';
import type { WeightUnit } from './units';

export interface FormatWeightOptions {
  /** Overrides the unit's usual number of decimals. */
  decimals?: number;
  /** Drop trailing zeros after the decimal point (default true). */
  trimZeros?: boolean;
  /** BCP 47 locale for digits and separators; default the browser's (displayLocale). */
  locale?: string;
  /** Which pair `auto` picks from; default DEFAULT_UNIT_SYSTEM (metric). */
  system?: UnitSystem;
}

const DECIMALS: Readonly<Record<WeightUnit, number>> = { g: 0, kg: 2, oz: 1, lb: 2 };

/** The decimals used for `value` (already in `unit`) when none are given. */
export function displayDecimals(value: number, unit: WeightUnit): number {
  return unit === 'g' && Math.abs(value) < 10 ? 1 : DECIMALS[unit];
}

/** The browser's language (navigator.language), or en-US where there is none (Node). */
export function displayLocale(): string {
  const nav = (globalThis as { navigator?: { language?: string } }).navigator;
  return nav?.language || 'en-US';
}

/** [W9] The unit `auto` stands for at this weight: g/kg (metric) or oz/lb (imperial). */
export function autoUnit(grams: number, system: UnitSystem): WeightUnit {
  const { small, large, perLarge } = AUTO_PAIRS[system];
  const value = Math.abs(fromGrams(grams, small));
  return roundHalfAwayFromZero(value, displayDecimals(value, small)) >= perLarge ? large : small;
}

const AUTO_PAIRS: Readonly<
  Record<UnitSystem, { small: WeightUnit; large: WeightUnit; perLarge: number }>
> = {
  metric: { small: 'g', large: 'kg', perLarge: 1000 },
  imperial: { small: 'oz', large: 'lb', perLarge: 16 },
};

/** The concrete unit a display unit shows `grams` in. */
export function resolveUnit(
  grams: number,
  unit: DisplayUnit,
  opts: FormatWeightOptions = {},
): WeightUnit {
  if (unit !== 'auto') return unit;
  return autoUnit(grams, opts.system ?? DEFAULT_UNIT_SYSTEM);
}

/**
 * [W9] A concrete unit for typing or exporting a weight when the setting may be `auto`:
 * the system's small unit (g or oz), which needs no decimals for most gear.
 */
export function entryUnit(
  unit: DisplayUnit,
  opts: Pick<FormatWeightOptions, 'system'> = {},
): WeightUnit {
  if (unit !== 'auto') return unit;
  return AUTO_PAIRS[opts.system ?? DEFAULT_UNIT_SYSTEM].small;
}

export function formatWeight(
  grams: number,
  unit: DisplayUnit,
  opts: FormatWeightOptions = {},
): string {
  const concrete = resolveUnit(checkFinite(grams), unit, opts);
  const { sign, rounded, decimals } = roundForDisplay(grams, concrete, opts);
  const trim = opts.trimZeros ?? true;
  const text = numberFormat(opts.locale ?? displayLocale(), trim ? 0 : decimals, decimals).format(
    rounded,
  );
  return `${sign}${text} ${concrete}`;
}

/** `grams` in `unit` as a plain number ("1234.5": no grouping, "." as decimal mark). */
export function plainWeightNumber(
  grams: number,
  unit: WeightUnit,
  opts: Pick<FormatWeightOptions, 'decimals' | 'trimZeros'> = {},
): string {
  const { sign, rounded, decimals } = roundForDisplay(checkFinite(grams), unit, opts);
  let text = rounded.toFixed(decimals);
  if (opts.trimZeros ?? true) text = trimZeros(text);
  return `${sign}${text}`;
}

function checkFinite(grams: number): number {
  if (!Number.isFinite(grams)) throw new RangeError(`weight is not a finite number: ${grams}`);
  return grams;
}

function roundForDisplay(grams: number, unit: WeightUnit, opts: FormatWeightOptions) {
  const value = fromGrams(grams, unit);
  const decimals = opts.decimals ?? displayDecimals(value, unit);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be an integer 0..20: ${decimals}`);
  }
  const rounded = roundHalfAwayFromZero(Math.abs(value), decimals);
  // No "-0": a tiny negative that rounds to zero shows as zero.
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return { sign, rounded, decimals };
}

// Intl.NumberFormat is slow to build and a long list formats hundreds of weights.
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, min: number, max: number): Intl.NumberFormat {
  const key = `${locale}|${min}|${max}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(safeLocale(locale), {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
    });
    formats.set(key, format);
  }
  return format;
}

/** A malformed language tag falls back to the runtime's default, not an exception. */
function safeLocale(locale: string): string | undefined {
  try {
    return Intl.NumberFormat.supportedLocalesOf(locale).length > 0 ? locale : undefined;
  } catch {
    return undefined;
  }
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
