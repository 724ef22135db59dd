// rows → TSV (as a spreadsheet copies them) → parse with the guessed columns → the same rows.
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { checkProperty } from '../test-support/property';
import { WEIGHT_UNITS, toGrams } from '../units';
import { guessSheet, readSheetRows, type SheetRow } from './read';
import { formatSheetTsv } from '../test-support/sheet-tsv';

// Characters that stress the format: tabs, quotes, line breaks, commas, non-ASCII, astral.
const charArb = fc.constantFrom(...'ab Z09,"\n\r\'-;éß中\t'.split(''), '😀', '🏕️');
const textArb = (min: number, max: number) =>
  fc
    .array(charArb, { minLength: min, maxLength: max })
    .map((chars) => chars.join('').trim())
    .filter((text) => text.length >= min);

const rowArb: fc.Arbitrary<SheetRow> = fc
  .record({
    name: textArb(1, 12),
    description: textArb(0, 12),
    category: textArb(0, 8),
    unit: fc.constantFrom(...WEIGHT_UNITS),
    thousandths: fc.integer({ min: 0, max: 500_000 }),
    qty: fc.integer({ min: 0, max: 10000 }),
    wornShare: fc.double({ min: 0, max: 1, noNaN: true }),
    consumable: fc.boolean(),
    priceCents: fc.option(fc.integer({ min: 0, max: 1e9 })),
    currency: fc.constantFrom('EUR', 'USD', 'NZD'),
  })
  .map(({ thousandths, wornShare, currency, ...row }) => ({
    ...row,
    weight: thousandths / 1000,
    weightGrams: toGrams(thousandths / 1000, row.unit),
    wornQty: Math.floor(row.qty * wornShare),
    currency: row.priceCents === null ? null : currency,
  }));

describe('sheet import round trip', () => {
  checkProperty(
    'rows → TSV → guessSheet → readSheetRows gives the same rows',
    fc.property(fc.array(rowArb, { minLength: 1, maxLength: 12 }), (rows) => {
      const guess = guessSheet(formatSheetTsv(rows));
      expect(guess.hasHeader).toBe(true);
      const read = readSheetRows(guess.table, guess.mapping, {
        hasHeader: true,
        defaultUnit: 'g',
      });
      expect(read.rejected).toEqual([]);
      expect(read.rows).toEqual(rows);
    }),
  );
});
