// Weight units and conversion. Weights are stored in grams (fractional allowed) and shown in
// the user's unit (docs/architecture.md "The model").
//
// The factors are the exact legal definitions [W1] (international avoirdupois pound, 1959):
// 1 lb = 453.59237 g exactly and 1 oz = 1/16 lb = 28.349523125 g exactly. Both decimals are
// written out rather than derived (453.59237 / 16 happens to be exact in binary too, but a
// literal needs no argument). Conversions multiply or divide by one factor, nothing else, so a
// round trip is off by at most a couple of ulps [W2].

export const WEIGHT_UNITS = ['g', 'kg', 'oz', 'lb'] as const;
export type WeightUnit = (typeof WEIGHT_UNITS)[number];

export const GRAMS_PER_UNIT: Readonly<Record<WeightUnit, number>> = {
  g: 1,
  kg: 1000,
  oz: 28.349523125,
  lb: 453.59237,
};

export function isWeightUnit(s: unknown): s is WeightUnit {
  return typeof s === 'string' && (WEIGHT_UNITS as readonly string[]).includes(s);
}

/** [W2] A weight entered in `unit`, in grams. */
export function toGrams(value: number, unit: WeightUnit): number {
  return value * GRAMS_PER_UNIT[unit];
}

/** [W2] A weight in grams, in `unit` (unrounded: see formatWeight for display). */
export function fromGrams(grams: number, unit: WeightUnit): number {
  return grams / GRAMS_PER_UNIT[unit];
}

/** [W9] What the settings may show weights in: a unit, or `auto` (formatWeight picks). */
export const DISPLAY_UNITS = ['auto', ...WEIGHT_UNITS] as const;
export type DisplayUnit = (typeof DISPLAY_UNITS)[number];

export const UNIT_SYSTEMS = ['metric', 'imperial'] as const;
export type UnitSystem = (typeof UNIT_SYSTEMS)[number];

/**
 * [W9] The system `auto` uses until the user picks one. Not guessed from the locale: the
 * locale only spells the numbers, and gear lists (LighterPack's included) default to grams.
 */
export const DEFAULT_UNIT_SYSTEM: UnitSystem = 'metric';
