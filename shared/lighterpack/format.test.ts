import { describe, expect, it } from 'vitest';
import {
  csvField,
  formatLighterPackCsv,
  lighterPackFileName,
  priceNumber,
  weightNumber,
  type LighterPackExportRow,
} from './format';

const row = (over: Partial<LighterPackExportRow>): LighterPackExportRow => ({
  name: 'Tent',
  category: 'Shelter',
  description: '',
  qty: 1,
  weightGrams: 1000,
  unit: 'g',
  url: null,
  priceCents: null,
  worn: false,
  consumable: false,
  ...over,
});

describe('formatLighterPackCsv', () => {
  it('writes the example LighterPack export byte for byte', () => {
    const csv = formatLighterPackCsv([
      row({
        name: 'Duplex',
        description: 'Zpacks, 2-person',
        weightGrams: 538,
        url: 'https://example.com/duplex',
        priceCents: 69900,
      }),
      row({
        name: 'Trail runners',
        category: 'Clothing Worn',
        weightGrams: 1.6 * 453.59237,
        unit: 'lb',
        priceCents: 14000,
        worn: true,
      }),
      row({
        name: 'Ramen',
        category: 'Food',
        qty: 4,
        weightGrams: 3 * 28.349523125,
        unit: 'oz',
        priceCents: 150,
        consumable: true,
      }),
    ]);
    expect(csv).toBe(
      'Item Name,Category,desc,qty,weight,unit,url,price,worn,consumable\n' +
        'Duplex,Shelter,"Zpacks, 2-person",1,538,gram,https://example.com/duplex,699,,\n' +
        'Trail runners,Clothing Worn,,1,1.6,pound,,140,Worn,\n' +
        'Ramen,Food,,4,3,ounce,,1.5,,Consumable\n',
    );
  });

  it('writes only the header for an empty pack', () => {
    expect(formatLighterPackCsv([])).toBe(
      'Item Name,Category,desc,qty,weight,unit,url,price,worn,consumable\n',
    );
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['6" stake', '"6"" stake"'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['', ''],
    ['ünïcødé 🏕️', 'ünïcødé 🏕️'],
  ])('quotes %j as %j', (text, field) => {
    expect(csvField(text)).toBe(field);
  });

  it.each([
    [538, 'g', '538'],
    [12.5, 'g', '12.5'],
    [0.354, 'g', '0.35'],
    [1005, 'kg', '1.01'],
    [1.005 * 1000, 'kg', '1.01'],
    [0, 'oz', '0'],
    [12.5 * 28.349523125, 'oz', '12.5'],
    [0.35 * 28.349523125, 'oz', '0.35'],
    [1000000, 'kg', '1000'],
    [453.59237 * 2.675, 'lb', '2.68'],
  ] as const)('writes %d g in %s as %j', (grams, unit, text) => {
    expect(weightNumber(grams, unit)).toBe(text);
  });

  it.each([
    [null, '0'],
    [0, '0'],
    [5, '0.05'],
    [150, '1.5'],
    [1299, '12.99'],
    [69900, '699'],
    [1e9, '10000000'],
  ])('writes the price %j cents as %j', (cents, text) => {
    expect(priceNumber(cents)).toBe(text);
  });

  it.each([
    ['summer-3-day', 'summer-3-day'],
    ['pct 2026', 'pct_2026'],
    ['Zürich trip!', '__rich_trip_'],
    ['a/b\\c', 'a_b_c'],
  ])('names the file of %j %j', (name, fileName) => {
    expect(lighterPackFileName(name)).toBe(fileName);
  });
});
