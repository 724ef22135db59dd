import { describe, expect, it } from 'vitest';
import { parseLighterPackCsv, type LighterPackFile } from '../../shared/lighterpack';
import type { Item } from '../../shared/schemas';
import { SAMPLE_ROWS } from '../../shared/test-support/sample-rows';
import { planImport } from './import-plan';

const HEADER = 'Item Name,Category,desc,qty,weight,unit,url,price,worn,consumable';

function parsed(lines: string[]): LighterPackFile {
  const result = parseLighterPackCsv(`${HEADER}\n${lines.join('\n')}\n`);
  if (!result.ok) throw new Error(result.error);
  return result.file;
}

const item = (over: Partial<Item>): Item => ({ ...SAMPLE_ROWS.items, ...over });

const FILE = parsed([
  'Tent,Shelter,,1,1.2,kg,,300,,',
  'Socks,Clothing,,2,60,g,,,Worn,',
  'Ramen,Food,,4,3,oz,,1.5,,Consumable',
  'Stakes,Shelter,,8,13,g,,,,',
  'Bad,Food,,1,abc,g,,,,',
]);

describe('planImport', () => {
  it('makes one list per category in file order, entries in row order, the pack after the file', () => {
    const plan = planImport(FILE, 'Summer_trip.csv', [], { reuse: true });
    expect(plan.packName).toBe('Summer trip');
    expect(plan.lists.map((l) => [l.name, l.entries.length])).toEqual([
      ['Shelter', 2],
      ['Clothing', 1],
      ['Food', 1],
    ]);
    expect(plan.lists[1]?.entries[0]).toEqual({
      item: { kind: 'new', index: 1 },
      qty: 2,
      wornQty: 1,
      consumable: false,
    });
    expect(plan.newItems[0]).toEqual({
      name: 'Tent',
      weightGrams: 1200,
      weightUnit: 'kg',
      notes: '',
      url: null,
      priceCents: 30000,
    });
    expect(plan.entryCount).toBe(4);
    expect(plan.rejected).toEqual([{ line: 6, reason: 'weight not a number: “abc”' }]);
  });

  it('reuses a library item only when it is the item the row describes', () => {
    const library = [
      item({ id: 'heavier', name: 'Tent', weightGrams: 1300, weightUnit: 'kg', priceCents: 30000 }),
      item({ id: 'pricier', name: 'Tent', weightGrams: 1200, weightUnit: 'kg', priceCents: 1 }),
      item({ id: 'grams', name: 'Tent', weightGrams: 1200, weightUnit: 'g', priceCents: 30000 }),
      item({
        id: 'tent',
        name: 'Tent',
        weightGrams: 1200.004,
        weightUnit: 'kg',
        priceCents: 30000,
      }),
      item({ id: 'gone', name: 'Socks', weightGrams: 60, weightUnit: 'g', deleted: true }),
      item({ id: 'ramen', name: 'Ramen', weightGrams: 3 * 28.349523125, weightUnit: 'oz' }),
      item({ id: 'noted', name: 'Stakes', weightGrams: 13, weightUnit: 'g', notes: 'Ti' }),
    ];
    const plan = planImport(FILE, 'x.csv', library, { reuse: true });
    expect(plan.lists[0]?.entries[0]?.item).toEqual({ kind: 'existing', id: 'tent' });
    // Ramen's price is 1.5 in the file and unset in the library: not the same item.
    expect(plan.lists[2]?.entries[0]?.item).toEqual({ kind: 'new', index: 1 });
    expect(plan.reusedItemIds).toEqual(['tent']);
    expect(plan.newItems.map((i) => i.name)).toEqual(['Socks', 'Ramen', 'Stakes']);
  });

  it('takes a price of 0 and an unset price as the same', () => {
    const library = [item({ id: 'stakes', name: 'Stakes', weightGrams: 13, weightUnit: 'g' })];
    const file = parsed(['Stakes,Shelter,,8,13,g,,0,,']);
    const plan = planImport(file, 'x.csv', library, { reuse: true });
    expect(plan.reusedItemIds).toEqual(['stakes']);
  });

  it('creates every item when reuse is off', () => {
    const library = [item({ id: 'tent', name: 'Tent', weightGrams: 1200 })];
    const plan = planImport(FILE, 'x.csv', library, { reuse: false });
    expect(plan.reusedItemIds).toEqual([]);
    expect(plan.newItems).toHaveLength(4);
  });

  it('makes one item of rows repeated across categories, never one item twice in a list', () => {
    const file = parsed([
      'Fleece,Clothing,Warm,1,300,g,,,,',
      'Fleece,Clothing,Warm,1,300,g,,,,',
      'Fleece,Spare,Warm,1,300,g,,,,',
      'Fleece,Spare,Other,1,300,g,,,,',
    ]);
    const library = [
      item({ id: 'lib', name: 'Fleece', weightGrams: 300, weightUnit: 'g', notes: 'Other' }),
    ];
    const plan = planImport(file, 'x.csv', library, { reuse: true });
    const refs = plan.lists.map((l) => l.entries.map((e) => e.item));
    expect(refs).toEqual([
      [
        { kind: 'new', index: 0 },
        { kind: 'new', index: 1 },
      ],
      [
        { kind: 'new', index: 0 },
        { kind: 'existing', id: 'lib' },
      ],
    ]);
    expect(plan.newItems).toHaveLength(2);
  });
});
