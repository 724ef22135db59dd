// Issue 7's property: random rows → CSV → import gives back the same names, categories,
// quantities, flags, prices and weights (within the 2-decimal rounding of each unit), and a
// file that went through once is stable byte for byte.
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { checkProperty } from '../test-support/property';
import { GRAMS_PER_UNIT, WEIGHT_UNITS, toGrams } from '../units';
import { formatLighterPackCsv, type LighterPackExportRow } from './format';
import { parseLighterPackCsv } from './parse';

// Characters that stress the format: separators, quotes, line breaks, non-ASCII, astral.
const charArb = fc.constantFrom(...'ab Z09,"\n\r\'-;éß中🏕️\t'.split(''), '😀');
const textArb = (min: number, max: number) =>
  fc
    .array(charArb, { minLength: min, maxLength: max })
    .map((chars) => chars.join('').trim())
    .filter((text) => text.length >= min);
const unitArb = fc.constantFrom(...WEIGHT_UNITS);

const rowArb: fc.Arbitrary<LighterPackExportRow> = fc
  .record({
    name: textArb(1, 12),
    category: textArb(1, 8),
    description: textArb(0, 20),
    qty: fc.integer({ min: 0, max: 10000 }),
    unit: unitArb,
    hundredths: fc.integer({ min: 0, max: 100_000 }),
    url: fc.option(fc.constantFrom('https://example.com/a?b=1,2', 'http://x.example/"q"')),
    priceCents: fc.option(fc.integer({ min: 0, max: 1e9 })),
    worn: fc.boolean(),
    consumable: fc.boolean(),
  })
  .map(({ hundredths, ...row }) => ({ ...row, weightGrams: toGrams(hundredths / 100, row.unit) }));

function reimport(csv: string) {
  const result = parseLighterPackCsv(csv);
  if (!result.ok) throw new Error(result.error);
  return result.file;
}

describe('LighterPack CSV round trip', () => {
  checkProperty(
    'random rows → CSV → import → the same rows, and the same bytes again',
    fc.property(fc.array(rowArb, { maxLength: 30 }), (rows) => {
      const csv = formatLighterPackCsv(rows);
      const file = reimport(csv);
      expect(file.rejected).toEqual([]);
      expect(file.rows.map(({ line: _line, weight: _weight, ...rest }) => rest)).toEqual(
        rows.map((row) => ({ ...row, priceCents: row.priceCents ?? 0 })),
      );
      expect(formatLighterPackCsv(file.rows)).toBe(csv);
    }),
  );

  checkProperty(
    'any weight comes back within half a hundredth of its unit',
    fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), unitArb, (grams, unit) => {
      const file = reimport(formatLighterPackCsv([{ ...base, weightGrams: grams, unit }]));
      const back = file.rows[0]?.weightGrams ?? NaN;
      // Half of 0.01 of the unit, plus float slack.
      expect(Math.abs(back - grams)).toBeLessThanOrEqual(GRAMS_PER_UNIT[unit] * 0.005 + 1e-6);
    }),
  );
});

const base: LighterPackExportRow = {
  name: 'n',
  category: 'c',
  description: '',
  qty: 1,
  weightGrams: 0,
  unit: 'g',
  url: null,
  priceCents: null,
  worn: false,
  consumable: false,
};
