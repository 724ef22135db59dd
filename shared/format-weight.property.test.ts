// [W8]/[W9] Display formatting as properties, in several locales: the text reads back to the
// weight within the displayed precision, a heavier weight never reads lighter, and nothing
// finite ever shows as "NaN" or "Infinity".
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { displayDecimals, formatWeight, resolveUnit } from './format-weight';
import { checkProperty } from './test-support/property';
import { DISPLAY_UNITS, GRAMS_PER_UNIT, fromGrams, isWeightUnit, type UnitSystem } from './units';

const LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'hi-IN', 'ja-JP', 'ar-EG'] as const;
const localeArb = fc.constantFrom(...LOCALES);
const unitArb = fc.constantFrom(...DISPLAY_UNITS);
const systemArb = fc.constantFrom<UnitSystem>('metric', 'imperial');
const gramsArb = fc.double({ min: 0, max: 1e6, noNaN: true });

/** Reads a formatted weight back with the locale's own digits and separators. */
function parseDisplayed(text: string, locale: string): { value: number; unit: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(-12345.6);
  const symbol = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const digits = new Intl.NumberFormat(locale, { useGrouping: false }).format(9876543210);
  const space = text.lastIndexOf(' ');
  let number = text.slice(0, space);
  number = number.split(symbol('group')).join('').split(symbol('decimal')).join('.');
  number = number.replace(symbol('minusSign'), '-');
  number = [...number]
    .map((c) => (digits.includes(c) ? String(9 - digits.indexOf(c)) : c))
    .join('');
  return { value: Number(number), unit: text.slice(space + 1) };
}

describe('weight display properties', () => {
  checkProperty(
    '[W9] parse(format(x)) is x within half the last shown decimal, in the unit shown',
    fc.property(gramsArb, unitArb, localeArb, systemArb, (grams, unit, locale, system) => {
      const text = formatWeight(grams, unit, { locale, system });
      const shown = parseDisplayed(text, locale);
      expect(isWeightUnit(shown.unit)).toBe(true);
      if (!isWeightUnit(shown.unit)) return;
      expect(shown.unit).toBe(resolveUnit(grams, unit, { locale, system }));
      const exact = fromGrams(grams, shown.unit);
      const step = 10 ** -displayDecimals(exact, shown.unit);
      expect(Math.abs(shown.value - exact)).toBeLessThanOrEqual(step / 2 + 1e-9 * exact);
    }),
  );

  checkProperty(
    '[W9] monotonic: a heavier weight never reads lighter',
    fc.property(gramsArb, gramsArb, unitArb, localeArb, systemArb, (a, b, unit, locale, system) => {
      const [light, heavy] = a <= b ? [a, b] : [b, a];
      const read = (g: number) => {
        const shown = parseDisplayed(formatWeight(g, unit, { locale, system }), locale);
        return isWeightUnit(shown.unit) ? shown.value * GRAMS_PER_UNIT[shown.unit] : NaN;
      };
      expect(read(light)).toBeLessThanOrEqual(read(heavy) + 1e-9 * heavy);
    }),
  );

  checkProperty(
    '[W8] never "NaN" or "Infinity" for a finite weight, whatever its size or sign',
    fc.property(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      unitArb,
      localeArb,
      (g, unit, locale) => {
        expect(formatWeight(g, unit, { locale })).not.toMatch(/NaN|Infinity|∞/);
      },
    ),
  );
});
