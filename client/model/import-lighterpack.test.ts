import { afterEach, describe, expect, it } from 'vitest';
import { parseLighterPackCsv, type LighterPackFile } from '../../shared/lighterpack';
import exportFixture from '../../shared/lighterpack/fixtures/lighterpack-export.csv?raw';
import { itemSchema, listEntrySchema, listSchema, packSchema } from '../../shared/schemas';
import { openDatabase, type PybDatabase } from '../db/db';
import { packContents } from '../domain/pack-totals';
import { exportPackCsv } from './export-lighterpack';
import { applyImport, planImport, type ImportPlan } from './import-lighterpack';
import { createList } from './lists';
import { createPack, loadPackSource } from './packs';

let db: PybDatabase;
let counter = 0;
afterEach(async () => {
  await db.delete({ disableAutoOpen: false });
});

async function fresh(): Promise<PybDatabase> {
  db = openDatabase(`import-lp-test-${++counter}`);
  await db.open();
  return db;
}

function parsed(text: string): LighterPackFile {
  const result = parseLighterPackCsv(text);
  if (!result.ok) throw new Error(result.error);
  return result.file;
}

async function importText(text: string, fileName: string, reuse = true): Promise<string> {
  const plan = planImport(parsed(text), fileName, await db.items.toArray(), { reuse });
  return applyImport(db, plan);
}

describe('LighterPack import', () => {
  it('writes the pack, its lists in file order, entries and items, all valid and queued to sync', async () => {
    await fresh();
    await createList(db, { name: 'Existing' });
    await createPack(db, { name: 'Existing pack' });
    const progress: [number, number, string][] = [];
    const plan = planImport(parsed(exportFixture), 'my_trip.csv', [], { reuse: true });
    const packId = await applyImport(db, plan, (done, total, phase) =>
      progress.push([done, total, phase]),
    );

    const contents = packContents(await loadPackSource(db, packId));
    expect((await db.packs.get(packId))?.name).toBe('my trip');
    expect(contents.map((c) => c.list.name)).toEqual([
      'Shelter',
      'Sleep',
      'Clothing Worn',
      'Food',
      'Kitchen, cooking',
      'Electronics',
    ]);
    const runners = contents[2]?.entries[0];
    expect(contents.map((c) => c.entries.length)).toEqual([2, 3, 3, 1, 1, 1]);
    expect(runners?.entry).toMatchObject({ qty: 1, wornQty: 1, consumable: false });
    expect(runners?.item).toMatchObject({
      name: 'Trail runners',
      weightGrams: 1.6 * 453.59237,
      weightUnit: 'lb',
      priceCents: 14000,
      notes: '',
      url: null,
    });
    expect(contents[0]?.entries[0]?.item).toMatchObject({
      notes: 'Zpacks, 2-person',
      url: 'https://example.com/duplex',
    });
    // The new lists and the pack come after what was there.
    const lists = (await db.lists.toArray()).sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1));
    expect(lists[0]?.name).toBe('Existing');
    for (const row of await db.items.toArray()) itemSchema.parse(row);
    for (const row of await db.lists.toArray()) listSchema.parse(row);
    for (const row of await db.listEntries.toArray()) listEntrySchema.parse(row);
    for (const row of await db.packs.toArray()) packSchema.parse(row);
    const queued = new Set((await db.outbox.toArray()).map((e) => `${e.table}:${e.id}`));
    expect(queued.has(`packs:${packId}`)).toBe(true);
    expect(queued.has(`listEntries:${runners?.entry.id}`)).toBe(true);
    // 11 items, 11 entries, 6 lists and their 6 pack lists, the pack: checked, then saved.
    expect(progress[0]).toEqual([0, 35, 'checking']);
    expect(progress.at(-1)).toEqual([35, 35, 'saving']);
    const saving = progress.filter(([, , phase]) => phase === 'saving').map(([done]) => done);
    expect(saving).toEqual([...saving].sort((a, b) => a - b));
  });

  it('exports what it imported byte for byte', async () => {
    await fresh();
    const packId = await importText(exportFixture, 'pct.csv');
    const exported = await exportPackCsv(db, packId, 'g');
    expect(exported).toEqual({ fileName: 'pct.csv', csv: exportFixture });
  });

  it('reuses the items of an earlier import when asked to, and only then', async () => {
    await fresh();
    await importText(exportFixture, 'a.csv');
    const items = await db.items.count();
    await importText(exportFixture, 'b.csv');
    expect(await db.items.count()).toBe(items);
    await importText(exportFixture, 'c.csv', false);
    expect(await db.items.count()).toBe(items * 2);
  });

  it('keeps the details of each file when two files share an item name and weight', async () => {
    await fresh();
    const header = 'Item Name,Category,desc,qty,weight,unit,url,price,worn,consumable\n';
    const a = `${header}Tent,Shelter,Old one,1,1.2,kilogram,,300,,\n`;
    const b = `${header}Tent,Shelter,New one,1,1.2,kilogram,,450,,\nTent,Spare,Old one,1,1.2,kilogram,,300,,\n`;
    const packA = await importText(a, 'a.csv');
    const packB = await importText(b, 'b.csv');
    expect((await exportPackCsv(db, packA, 'g'))?.csv).toBe(a);
    expect((await exportPackCsv(db, packB, 'g'))?.csv).toBe(b);
    // B's second row is A's tent, field for field: reused, not copied.
    expect(await db.items.count()).toBe(2);
  });

  it('writes nothing at all when one row is invalid', async () => {
    await fresh();
    const plan: ImportPlan = planImport(parsed(exportFixture), 'x.csv', [], { reuse: true });
    const broken = { ...plan, newItems: [...plan.newItems, { name: ' ', weightGrams: 1 }] };
    await expect(applyImport(db, broken)).rejects.toThrow(/Invalid item/);
    const counts = await Promise.all([db.items, db.lists, db.packs].map((t) => t.count()));
    expect(counts).toEqual([0, 0, 0]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('exports null for a missing pack and the user unit for items without one', async () => {
    await fresh();
    expect(await exportPackCsv(db, 'nope', 'g')).toBeNull();
    const packId = await importText('Item Name,weight,unit\nTent,1200,g\n', 'Mixed Case!.csv');
    await db.items.toCollection().modify({ weightUnit: null });
    expect(await exportPackCsv(db, packId, 'kg')).toEqual({
      fileName: '_ixed__ase_.csv',
      csv: 'Item Name,Category,desc,qty,weight,unit,url,price,worn,consumable\nTent,Uncategorized,,1,1.2,kilogram,,0,,\n',
    });
  });
});
