// LighterPack's unit words. Its export writes the full singular word (`ounce`, `pound`,
// `gram`, `kilogram`); people and other apps also write symbols and plurals in any case,
// so the import accepts the aliases of the list and nothing looser ("stone" or
// "mg" is reported, never guessed).
import type { WeightUnit } from '../units';

/** The `unit` column of an export, per unit. */
export const LIGHTERPACK_UNIT_WORDS: Readonly<Record<WeightUnit, string>> = {
  oz: 'ounce',
  lb: 'pound',
  g: 'gram',
  kg: 'kilogram',
};

const ALIASES: ReadonlyMap<string, WeightUnit> = new Map([
  ...['oz', 'ounce', 'ounces'].map((alias) => [alias, 'oz'] as const),
  ...['lb', 'lbs', 'pound', 'pounds'].map((alias) => [alias, 'lb'] as const),
  ...['g', 'gram', 'grams'].map((alias) => [alias, 'g'] as const),
  ...['kg', 'kgs', 'kilogram', 'kilograms'].map((alias) => [alias, 'kg'] as const),
]);

/** The unit an import cell names (any case, surrounding spaces ignored), or null. */
export function parseLighterPackUnit(text: string): WeightUnit | null {
  return ALIASES.get(text.trim().toLowerCase()) ?? null;
}
