import { afterEach, describe, expect, it } from 'vitest';
import { packListSchema, packSchema } from '../../shared/schemas';
import { SAMPLE_ROWS } from '../../shared/test-support/sample-rows';
import { openDatabase, type PybDatabase } from '../db/db';
import { packContents, packTotals } from '../domain/pack-totals';
import {
  addListToPack,
  createPack,
  deletePack,
  loadPackSource,
  movePackList,
  removeListFromPack,
  restoreListToPack,
  restorePack,
  updatePack,
} from './packs';

let db: PybDatabase;
let counter = 0;
afterEach(async () => {
  await db.delete({ disableAutoOpen: false });
});

async function fresh(): Promise<PybDatabase> {
  db = openDatabase(`packs-test-${++counter}`);
  await db.open();
  for (const id of ['l1', 'l2', 'l3'])
    await db.lists.put({ ...SAMPLE_ROWS.lists, id, name: `List ${id}` });
  return db;
}

const order = async (packId: string) =>
  (await loadPackSource(db, packId)).packLists
    .filter((r) => !r.deleted)
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1))
    .map((r) => r.listId);

describe('packs data', () => {
  it('creates a valid pack with a trimmed name, after the existing ones', async () => {
    await fresh();
    const a = await createPack(db, { name: '  Summer 3-day ' });
    const b = await createPack(db, { name: 'Winter' });
    const rowA = packSchema.parse(await db.packs.get(a));
    const rowB = packSchema.parse(await db.packs.get(b));
    expect(rowA).toMatchObject({ name: 'Summer 3-day', deleted: false });
    expect(rowA.sortKey < rowB.sortKey).toBe(true);
  });

  it('refuses an empty name and writes nothing', async () => {
    await fresh();
    await expect(createPack(db, { name: '   ' })).rejects.toThrow();
    expect(await db.packs.count()).toBe(0);
  });

  it('updates name, notes and colour, and validates them', async () => {
    await fresh();
    const id = await createPack(db, { name: 'A' });
    await updatePack(db, id, { name: ' B ', notes: ' n ', color: 4 });
    expect(await db.packs.get(id)).toMatchObject({ name: 'B', notes: 'n', color: 4 });
    await expect(updatePack(db, id, { color: 10 })).rejects.toThrow();
    await expect(updatePack(db, id, { name: 'x'.repeat(201) })).rejects.toThrow();
  });

  it('adds lists at the end with join ids, once', async () => {
    await fresh();
    const id = await createPack(db, { name: 'P' });
    expect(await addListToPack(db, id, 'l2')).toBe(`${id}:l2`);
    await addListToPack(db, id, 'l1');
    await addListToPack(db, id, 'l2');
    expect(await order(id)).toEqual(['l2', 'l1']);
    expect(packListSchema.parse(await db.packLists.get(`${id}:l1`))).toBeTruthy();
  });

  it('removes a list softly, restores it in place, and revives it at the end when re-added', async () => {
    await fresh();
    const id = await createPack(db, { name: 'P' });
    for (const l of ['l1', 'l2', 'l3']) await addListToPack(db, id, l);
    await removeListFromPack(db, id, 'l1');
    expect(await db.packLists.get(`${id}:l1`)).toMatchObject({ deleted: true });
    expect(await order(id)).toEqual(['l2', 'l3']);
    await restoreListToPack(db, id, 'l1');
    expect(await order(id)).toEqual(['l1', 'l2', 'l3']);
    await removeListFromPack(db, id, 'l1');
    await addListToPack(db, id, 'l1');
    expect(await order(id)).toEqual(['l2', 'l3', 'l1']);
    expect(await db.packLists.count()).toBe(3);
  });

  it('moves a list by rewriting one sort key', async () => {
    await fresh();
    const id = await createPack(db, { name: 'P' });
    for (const l of ['l1', 'l2', 'l3']) await addListToPack(db, id, l);
    await movePackList(db, id, 'l3', 0);
    expect(await order(id)).toEqual(['l3', 'l1', 'l2']);
    await movePackList(db, id, 'l3', 99);
    expect(await order(id)).toEqual(['l1', 'l2', 'l3']);
    await movePackList(db, id, 'l1', 1);
    expect(await order(id)).toEqual(['l2', 'l1', 'l3']);
  });

  it('deletes softly and restores', async () => {
    await fresh();
    const id = await createPack(db, { name: 'P' });
    await deletePack(db, id);
    expect(await db.packs.get(id)).toMatchObject({ deleted: true });
    await restorePack(db, id);
    expect(await db.packs.get(id)).toMatchObject({ deleted: false });
  });

  it('loads the rows the totals need', async () => {
    await fresh();
    const id = await createPack(db, { name: 'P' });
    await addListToPack(db, id, 'l1');
    await db.items.put({ ...SAMPLE_ROWS.items, id: 'i1', weightGrams: 100 });
    await db.listEntries.put({ ...SAMPLE_ROWS.listEntries, qty: 2, wornQty: 1 });
    const totals = packTotals(packContents(await loadPackSource(db, id)));
    expect(totals.totals).toEqual({ total: 200, base: 100, worn: 100, consumable: 0 });
    expect((await loadPackSource(db, 'missing')).pack).toBeUndefined();
  });
});
