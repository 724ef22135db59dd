import { describe, expect, it } from 'vitest';
import { joinOldQuoted } from './records';
import { packNameFromFileName, parseLighterPackCsv, type LighterPackFile } from './parse';
import { parseLighterPackUnit } from './units';

const HEADER = 'Item Name,Category,desc,qty,weight,unit,url,price,worn,consumable';

function file(text: string, maxRows?: number): LighterPackFile {
  const result = parseLighterPackCsv(text, maxRows === undefined ? {} : { maxRows });
  if (!result.ok) throw new Error(result.error);
  return result.file;
}

const one = (line: string) => file(`${HEADER}\n${line}\n`);

describe('parseLighterPackCsv', () => {
  it.each([
    ['oz', 'oz'],
    ['Ounce', 'oz'],
    ['OUNCES', 'oz'],
    ['lb', 'lb'],
    ['Lbs', 'lb'],
    ['pound', 'lb'],
    ['pounds', 'lb'],
    ['g', 'g'],
    ['Gram', 'g'],
    ['grams', 'g'],
    ['KG', 'kg'],
    ['kgs', 'kg'],
    ['kilogram', 'kg'],
    [' Kilograms ', 'kg'],
  ])('accepts the unit alias %j', (alias, unit) => {
    expect(parseLighterPackUnit(alias)).toBe(unit);
  });

  it.each(['', 'stone', 'mg', 'ozs', 'gramm'])('refuses the unit %j', (alias) => {
    expect(parseLighterPackUnit(alias)).toBeNull();
  });

  it.each([
    ['Worn', true],
    ['worn', true],
    ['Consumable', true],
    ['x', true],
    ['X', true],
    ['yes', true],
    ['TRUE', true],
    ['1', true],
    ['', false],
    ['no', false],
    ['0', false],
    ['false', false],
  ])('reads the flag %j as %s', (word, value) => {
    const row = one(`Tent,Shelter,,1,1,kg,,0,${word},${word}`).rows[0];
    expect(row).toMatchObject({ worn: value, consumable: value });
  });

  it('reads columns by name, in any case and order, ignoring extra ones', () => {
    const text =
      'extra,CONSUMABLE,Worn,PRICE,Url,Unit,Weight,Qty,Desc,category,item name\n' +
      'z,,Worn,12.99,https://a.example/x,oz,3.5,2,Nice,Kitchen,Pot\n';
    expect(file(text).rows[0]).toMatchObject({
      name: 'Pot',
      category: 'Kitchen',
      description: 'Nice',
      qty: 2,
      weight: 3.5,
      unit: 'oz',
      url: 'https://a.example/x',
      priceCents: 1299,
      worn: true,
      consumable: false,
    });
  });

  it('refuses a file without the columns it needs, or without any content', () => {
    expect(parseLighterPackCsv('name,category\nTent,Shelter\n')).toMatchObject({ ok: false });
    expect(parseLighterPackCsv('')).toEqual({ ok: false, error: 'The file is empty.' });
    expect(parseLighterPackCsv('\n\n,,\n')).toMatchObject({ ok: false });
  });

  it('defaults an empty qty to 1, an empty category to "Uncategorized", no price to null', () => {
    expect(one('Tent,,,,1,kg,,,,').rows[0]).toMatchObject({
      qty: 1,
      category: 'Uncategorized',
      priceCents: null,
    });
  });

  it('stores weights as value × factor and prices as cents rounded on the decimal spelling', () => {
    const row = one('Tent,S,,1,1.6,pound,,1.005,,').rows[0];
    expect(row?.weightGrams).toBe(1.6 * 453.59237);
    expect(row?.priceCents).toBe(101);
    expect(one('Tent,S,,1,.5,oz,,$ 3,,').rows[0]).toMatchObject({ weight: 0.5, priceCents: 300 });
  });

  it('joins every reason of a row and counts lines after multi-line fields and blank lines', () => {
    const text = `${HEADER}\r\n"a\r\nb",S,,1,1,g,,,,\r\n\r\n,S,"x\ny",-1,1e3,st,,abc,,\r\n`;
    const parsed = file(text);
    expect(parsed.rows[0]).toMatchObject({ line: 2, name: 'a\r\nb' });
    expect(parsed.rejected).toEqual([
      {
        line: 5,
        reason:
          'missing name; unknown unit: “st”; weight not a number: “1e3”; ' +
          'qty not a whole number: “-1”; price not a number: “abc”',
      },
    ]);
  });

  it('refuses weights over 1000 kg, quantities over 10000 and names over 200 characters', () => {
    const parsed = file(
      `${HEADER}\nA,S,,1,1001,kg,,,,\nB,S,,10001,1,g,,,,\n${'n'.repeat(201)},S,,1,1,g,,,,\n`,
    );
    expect(parsed.rejected.map((r) => r.reason)).toEqual([
      'weight over 1000 kg',
      'qty over 10000',
      'name longer than 200 characters',
    ]);
  });

  it('refuses a file with more rows than the limit, counting only data rows', () => {
    const rows = 'Tent,S,,1,1,g,,,,\n'.repeat(3);
    expect(file(`${HEADER}\n\n${rows}\n`, 3).rowCount).toBe(3);
    const refused = parseLighterPackCsv(`${HEADER}\n${rows}Tent,S,,1,1,g,,,,\n`, { maxRows: 3 });
    expect(refused).toEqual({
      ok: false,
      error:
        'This file has 4 rows; at most 3 can be imported at once. Split it into smaller files.',
    });
  });
});

describe('joinOldQuoted', () => {
  it.each([
    [['a', '"b', ' c"', 'd'], 3, ['a', 'b, c', 'd']],
    [['"x" y', 'b', '"c', 'd"'], 3, ['"x" y', 'b', 'c,d']],
    [['a', 'b'], 3, ['a', 'b']],
    [['a', 'b', 'c'], 2, ['a', 'b', 'c']],
  ])('joins %j into %i cells', (pieces, width, cells) => {
    expect(joinOldQuoted(pieces, width)).toEqual(cells);
  });
});

describe('packNameFromFileName', () => {
  it.each([
    ['PCT_2026.csv', 'PCT 2026'],
    ['summer 3-day.CSV', 'summer 3-day'],
    ['C:\\fakepath\\my_list.csv', 'my list'],
    ['notes.txt', 'notes.txt'],
    ['.csv', 'Imported pack'],
    ['___.csv', 'Imported pack'],
  ])('names the pack of %j %j', (fileName, name) => {
    expect(packNameFromFileName(fileName)).toBe(name);
  });
});
