// Issue 7's property, end to end through the database: a random pack → LighterPack CSV →
// import → a new pack with the same lists, entries, quantities, flags and weights (within
// the 2-decimal rounding of each entry's unit), whose own export is the same CSV.
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { parseLighterPackCsv } from '../../shared/lighterpack';
import { checkAsyncProperty } from '../../shared/test-support/property';
import { GRAMS_PER_UNIT, WEIGHT_UNITS, type WeightUnit } from '../../shared/units';
import { openDatabase, type PybDatabase } from '../db/db';
import { packContents } from '../domain/pack-totals';
import { exportPackCsv } from './export-lighterpack';
import { applyImport, planImport } from './import-lighterpack';
import { createItem } from './items';
import { addItemToList, createList, updateEntry } from './lists';
import { addListToPack, createPack, loadPackSource } from './packs';

const textArb = fc
  .array(fc.constantFrom(...'aZ 9,"\n-é🏕️'.split('')), { minLength: 1, maxLength: 8 })
  .map((chars) => chars.join('').trim())
  .filter((text) => text !== '');

const itemArb = fc.record({
  name: textArb,
  weightGrams: fc.double({ min: 0, max: 1e5, noNaN: true }),
  weightUnit: fc.option(fc.constantFrom(...WEIGHT_UNITS)),
  priceCents: fc.option(fc.integer({ min: 0, max: 1e6 })),
});
const entryArb = fc.record({
  item: fc.nat(),
  qty: fc.integer({ min: 0, max: 50 }),
  wornQty: fc.integer({ min: 0, max: 3 }),
  consumable: fc.boolean(),
});
const packArb = fc.record({
  items: fc.array(itemArb, { minLength: 1, maxLength: 6 }),
  // Distinct list names: the CSV groups rows by category name.
  lists: fc.uniqueArray(
    fc.record({ name: textArb, entries: fc.array(entryArb, { minLength: 1, maxLength: 5 }) }),
    { minLength: 1, maxLength: 4, selector: (list) => list.name },
  ),
  userUnit: fc.constantFrom(...WEIGHT_UNITS),
});
type PackSpec = typeof packArb extends fc.Arbitrary<infer T> ? T : never;

let counter = 0;

async function buildPack(db: PybDatabase, spec: PackSpec): Promise<string> {
  const itemIds = [];
  for (const item of spec.items) itemIds.push(await createItem(db, item));
  const packId = await createPack(db, { name: 'Random' });
  for (const list of spec.lists) {
    const listId = await createList(db, { name: list.name });
    await addListToPack(db, packId, listId);
    for (const entry of list.entries) {
      const itemId = itemIds[entry.item % itemIds.length] ?? '';
      const entryId = await addItemToList(db, listId, itemId);
      const { qty, wornQty, consumable } = entry;
      await updateEntry(db, entryId, { qty, wornQty, consumable });
    }
  }
  return packId;
}

async function contentsOf(db: PybDatabase, packId: string, userUnit: WeightUnit) {
  return packContents(await loadPackSource(db, packId)).map(({ list, entries }) => ({
    name: list.name,
    entries: entries.map(({ entry, item }) => ({
      name: item.name,
      qty: entry.qty,
      worn: entry.wornQty > 0,
      consumable: entry.consumable,
      unit: item.weightUnit ?? userUnit,
      grams: item.weightGrams,
      priceCents: item.priceCents ?? 0,
    })),
  }));
}

describe('LighterPack round trip through the database', () => {
  checkAsyncProperty(
    'random pack → CSV → import → the same lists, entries, quantities, flags and weights',
    fc.asyncProperty(packArb, async (spec) => {
      const db = openDatabase(`lp-property-${++counter}`);
      try {
        const packId = await buildPack(db, spec);
        const first = await exportPackCsv(db, packId, spec.userUnit);
        const parsed = parseLighterPackCsv(first?.csv ?? '');
        if (!parsed.ok) throw new Error(parsed.error);
        expect(parsed.file.rejected).toEqual([]);
        const library = await db.items.toArray();
        const plan = planImport(parsed.file, 'Random.csv', library, { reuse: true });
        const copyId = await applyImport(db, plan);

        const before = await contentsOf(db, packId, spec.userUnit);
        const after = await contentsOf(db, copyId, spec.userUnit);
        const withoutGrams = (lists: typeof before) =>
          lists.map((l) => ({ ...l, entries: l.entries.map(({ grams: _g, ...e }) => e) }));
        expect(withoutGrams(after)).toEqual(withoutGrams(before));
        after.forEach((list, i) =>
          list.entries.forEach((entry, j) => {
            const original = before[i]?.entries[j]?.grams ?? NaN;
            const slack = GRAMS_PER_UNIT[entry.unit] * 0.005 + 1e-9;
            expect(Math.abs(entry.grams - original)).toBeLessThanOrEqual(slack);
          }),
        );
        expect((await exportPackCsv(db, copyId, spec.userUnit))?.csv).toBe(first?.csv);
      } finally {
        await db.delete();
      }
    }),
    { numRuns: 25, project: 'client', timeoutMs: 60_000 },
  );
});
