import { describe, expect, it } from 'vitest';
import { guessSheet, readSheetRows, readTable } from './read';

const row = (over: object) => ({
  description: '',
  weight: 0,
  unit: 'g',
  weightGrams: 0,
  qty: 1,
  wornQty: 0,
  consumable: false,
  priceCents: null,
  currency: null,
  category: '',
  ...over,
});

describe('readTable', () => {
  it('reads Excel/Sheets quoting: tabs, newlines and quotes inside a quoted cell', () => {
    const text = 'Name\tNotes\r\n"Tent\t2p"\t"line one\nline two"\r\n"6"" stake"\tok\r\n';
    expect(readTable(text)).toEqual([
      ['Name', 'Notes'],
      ['Tent\t2p', 'line one\nline two'],
      ['6" stake', 'ok'],
    ]);
  });
  it('drops blank lines and a BOM', () => {
    expect(readTable('\uFEFFa\tb\n\n\t\nc\td\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
  it('reads a CSV file when asked, or when its first line has no tab', () => {
    expect(readTable('a,b\n"c,d",e', 'csv')).toEqual([
      ['a', 'b'],
      ['c,d', 'e'],
    ]);
    expect(readTable('a,b\n1,2', 'auto')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(readTable('a\tb,c', 'auto')).toEqual([['a', 'b,c']]);
  });
});

describe('guessSheet and readSheetRows', () => {
  it('reads a sheet with a header, units in cells and the rejected rows with reasons', () => {
    const text = [
      'Item\tBrand\tWeight\tQty\tWorn\tConsumable\tPrice',
      'Tent\tBig Agnes\t1,2 kg\t1\t\t\t$399.99',
      'Socks\tDarn Tough\t2.1 oz\t2\t1\t\t',
      'Gas\t\t230 g\t1\t\tx\t',
      'Rock\t\tabc\t1\t\t\t',
      '\tNo name\t10 g\t-1\t\t\t',
    ].join('\n');
    const guess = guessSheet(text);
    expect(guess.hasHeader).toBe(true);
    expect(guess.mapping).toEqual([
      'name',
      'description',
      'weight',
      'qty',
      'worn',
      'consumable',
      'price',
    ]);
    const read = readSheetRows(guess.table, guess.mapping, { hasHeader: true, defaultUnit: 'g' });
    expect(read.rows.map((r) => r.name)).toEqual(['Tent', 'Socks', 'Gas']);
    expect(read.rows[0]).toEqual(
      row({
        name: 'Tent',
        description: 'Big Agnes',
        weight: 1.2,
        unit: 'kg',
        weightGrams: 1200,
        priceCents: 39999,
        currency: 'USD',
      }),
    );
    expect(read.rows[1]).toMatchObject({ qty: 2, wornQty: 1, unit: 'oz', weight: 2.1 });
    expect(read.rows[2]).toMatchObject({ consumable: true, weightGrams: 230 });
    expect(read.rejected).toEqual([
      { row: 5, reason: 'weight is not a number: “abc”' },
      { row: 6, reason: 'missing name; quantity cannot be negative: “-1”' },
    ]);
  });

  it('uses the default unit for bare numbers and a unit column when there is one', () => {
    const table = [
      ['Quilt', '20.5', ''],
      ['Pad', '12', 'oz'],
    ];
    const read = readSheetRows(table, ['name', 'weight', 'unit'], {
      hasHeader: false,
      defaultUnit: 'oz',
    });
    expect(read.rows.map((r) => [r.weight, r.unit])).toEqual([
      [20.5, 'oz'],
      [12, 'oz'],
    ]);
    const grams = readSheetRows(table, ['name', 'weight', null], {
      hasHeader: false,
      defaultUnit: 'g',
    });
    expect(grams.rows.map((r) => r.weightGrams)).toEqual([20.5, 12]);
  });

  it('a worn count above the quantity, and a missing name column, are rejected', () => {
    const table = [['Socks', '3', '4']];
    const options = { hasHeader: false, defaultUnit: 'g' } as const;
    expect(readSheetRows(table, ['name', 'qty', 'worn'], options).rejected).toEqual([
      { row: 1, reason: 'worn (4) more than the quantity (3)' },
    ]);
    expect(readSheetRows(table, [null, 'qty', 'worn'], options).rejected).toEqual([
      { row: 1, reason: 'no column is mapped to Name' },
    ]);
  });
});
