// The hard cases of issue 7, as files (fixtures/*.csv): a current LighterPack export with
// quotes, commas, newlines and unicode inside fields; a spreadsheet's BOM, CRLF, blank
// lines and reordered columns; an old export's bare quotes; and bad rows, reported by line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLighterPackCsv } from './format';
import { parseLighterPackCsv, type LighterPackFile } from './parse';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function parsed(name: string): LighterPackFile {
  const result = parseLighterPackCsv(fixture(name));
  if (!result.ok) throw new Error(result.error);
  return result.file;
}

const summary = (file: LighterPackFile) =>
  file.rows.map((r) => [r.line, r.name, r.category, r.description, r.qty, r.weight, r.unit]);

describe('LighterPack CSV fixtures', () => {
  it('reads a current export and writes it back byte for byte', () => {
    const text = fixture('lighterpack-export.csv');
    const file = parsed('lighterpack-export.csv');
    expect(file.rejected).toEqual([]);
    expect(file.rows).toHaveLength(11);
    expect(summary(file).slice(0, 3)).toEqual([
      [2, 'Duplex', 'Shelter', 'Zpacks, 2-person', 1, 538, 'g'],
      [3, 'Tent stakes', 'Shelter', '6" titanium', 8, 0.21, 'oz'],
      [
        4,
        'Pad "NeoAir", regular',
        'Sleep',
        'Inflate with the sack.\nPatch kit inside.',
        1,
        12.5,
        'oz',
      ],
    ]);
    // The quoted field of line 4 spans two lines, so the next row is on line 6.
    expect(file.rows[3]).toMatchObject({ line: 6, name: 'Quilt', unit: 'lb', priceCents: 33000 });
    expect(file.rows[4]).toMatchObject({
      name: 'Schlafsack «Öko» 🏕️',
      description: 'Daunen – 800 cuin',
    });
    expect(file.rows[9]).toMatchObject({ category: 'Kitchen, cooking', priceCents: 699 });
    expect(file.rows[10]).toMatchObject({ weightGrams: 0, worn: true, consumable: true });
    expect(formatLighterPackCsv(file.rows)).toBe(text);
  });

  it('reads a spreadsheet file: BOM, CRLF, blank lines, any column order and case', () => {
    const file = parsed('spreadsheet.csv');
    expect(file.rejected).toEqual([]);
    expect(file.rowCount).toBe(6);
    expect(summary(file)).toEqual([
      [3, 'Bowl', 'Kitchen', 'Ti bowl', 1, 100, 'g'],
      [4, 'Spork', 'Kitchen', '', 1, 2, 'oz'],
      [6, 'Jacket', 'Clothing', 'Hood, pit zips', 1, 1.5, 'lb'],
      [7, 'Water', 'Consumables', '', 2, 0.5, 'kg'],
      [9, 'Tabs', 'Consumables', '', 10, 10, 'g'],
      [10, 'Bear can', 'Kitchen', '', 1, 3, 'lb'],
    ]);
    const flags = file.rows.map((r) => [r.worn, r.consumable, r.priceCents]);
    expect(flags).toEqual([
      [true, false, 450],
      [false, false, null],
      [true, false, null],
      [false, true, 0],
      [false, true, 300],
      [false, true, null],
    ]);
  });

  it('reads an old export whose fields hold bare quotes', () => {
    const file = parsed('old-export.csv');
    expect(file.legacy).toBe(true);
    expect(file.rejected).toEqual([]);
    expect(summary(file).map((row) => row.slice(0, 4))).toEqual([
      [2, 'Tent stakes 6"', 'Shelter', ''],
      [3, '"Big" Agnes tent', 'Shelter', 'Copper Spur'],
      [4, 'Pad', 'Sleep', '20" x 72", regular'],
      [5, 'Pillow', 'Sleep', 'soft, "inflatable"'],
      [6, 'Quilt', 'Sleep', 'Down, 20°F'],
    ]);
  });

  it('rejects bad rows with their line and reason, and keeps the good ones', () => {
    const file = parsed('bad-rows.csv');
    expect(file.rows.map((r) => [r.line, r.name])).toEqual([
      [2, 'Tent'],
      [12, 'Spoon'],
    ]);
    expect(file.rejected).toEqual([
      { line: 3, reason: 'unknown unit: “stone”' },
      { line: 4, reason: 'weight not a number: “abc”' },
      { line: 7, reason: 'missing name' },
      { line: 8, reason: 'qty not a whole number: “1.5”' },
      { line: 9, reason: 'unknown unit: “5”' },
      { line: 10, reason: 'price not a number: “twelve”' },
      { line: 11, reason: 'weight not a number: (empty)' },
    ]);
    expect(file.warnings).toEqual([
      { line: 12, reason: 'url “notalink” is not an http(s) link and was left out' },
    ]);
  });
});
