import { afterEach, describe, expect, it } from 'vitest';
import { rowSchemas } from '../../shared/schemas';
import { SAMPLE_ROWS } from '../../shared/test-support/sample-rows';
import { openDatabase, type PybDatabase } from '../db/db';
import {
  clearSampleData,
  hasLiveSampleData,
  readSampleIds,
  restoreSampleData,
  SAMPLE_TABLES,
  seedOnFirstRun,
} from './first-run';
import { SAMPLE_PACK_NAME } from './sample-data';

const NOW = new Date(2026, 5, 1, 9, 30);
let database: PybDatabase | undefined;
let counter = 0;

async function fresh(): Promise<PybDatabase> {
  database = openDatabase(`first-run-${++counter}`);
  await database.open();
  return database;
}

afterEach(async () => {
  await database?.delete();
  database = undefined;
});

const liveCount = async (d: PybDatabase, table: (typeof SAMPLE_TABLES)[number]) =>
  (await d[table].toArray()).filter((row) => !row.deleted).length;

describe('seedOnFirstRun', () => {
  it('seeds an empty device once; a second start does nothing', async () => {
    const d = await fresh();
    expect(await seedOnFirstRun(d, NOW)).toBe(true);
    const counts = await Promise.all(SAMPLE_TABLES.map((t) => d[t].count()));
    expect(await seedOnFirstRun(d, NOW)).toBe(false);
    expect(await Promise.all(SAMPLE_TABLES.map((t) => d[t].count()))).toEqual(counts);
    expect(await d.packs.count()).toBe(1);
    expect(await d.trips.count()).toBe(1);
    expect(await d.items.count()).toBeGreaterThanOrEqual(35);
  });

  it('lets only one of two tabs starting at once seed', async () => {
    const d = await fresh();
    const other = openDatabase(d.name);
    const results = await Promise.all([seedOnFirstRun(d, NOW), seedOnFirstRun(other, NOW)]);
    other.close();
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await d.packs.count()).toBe(1);
  });

  it('writes rows that pass the shared row schemas, ids joined correctly', async () => {
    const d = await fresh();
    await seedOnFirstRun(d, NOW);
    for (const table of SAMPLE_TABLES) {
      for (const row of await d[table].toArray()) {
        const parsed = rowSchemas[table].safeParse(row);
        expect(parsed.success, `${table} ${row.id}: ${parsed.error?.message}`).toBe(true);
      }
    }
  });

  it('plans an upcoming trip whose pack has at least 10 items', async () => {
    const d = await fresh();
    await seedOnFirstRun(d, NOW);
    const [trip] = await d.trips.toArray();
    expect(trip?.startDate).toBe('2026-06-15');
    expect(trip?.endDate).toBe('2026-06-17');
    const pack = await d.packs.get(trip?.packId ?? '');
    expect(pack?.name).toBe(SAMPLE_PACK_NAME);
    const listIds = (
      await d.packLists
        .where('packId')
        .equals(pack?.id ?? '')
        .toArray()
    ).map((pl) => pl.listId);
    expect(listIds.length).toBeGreaterThanOrEqual(5);
    const entries = await d.listEntries.where('listId').anyOf(listIds).toArray();
    expect(new Set(entries.map((e) => e.itemId)).size).toBeGreaterThanOrEqual(10);
    // Worn and consumable entries are there to show how the totals split.
    expect(entries.some((e) => e.wornQty === 2 && e.qty === 2)).toBe(true);
    expect(entries.some((e) => e.consumable)).toBe(true);
  });

  it('never seeds a device that already has data, nor later when it is emptied', async () => {
    const d = await fresh();
    await d.items.add({ ...SAMPLE_ROWS.items, id: 'mine' });
    expect(await seedOnFirstRun(d, NOW)).toBe(false);
    await d.items.update('mine', { deleted: true });
    expect(await seedOnFirstRun(d, NOW)).toBe(false);
    expect(await d.items.count()).toBe(1);
    expect(await readSampleIds(d)).toBeNull();
  });

  it('does not seed a device that has synced with an account', async () => {
    const d = await fresh();
    await d.meta.put({ key: 'cursor', value: '42' });
    expect(await seedOnFirstRun(d, NOW)).toBe(false);
    expect(await d.items.count()).toBe(0);
  });
});

describe('clearSampleData', () => {
  it('soft-deletes exactly the sample rows and leaves the user’s rows', async () => {
    const d = await fresh();
    await seedOnFirstRun(d, NOW);
    await d.items.add({ ...SAMPLE_ROWS.items, id: 'my-tent', name: 'My tent' });
    await d.lists.add({ ...SAMPLE_ROWS.lists, id: 'my-list', name: 'My list' });
    await d.listEntries.add({
      ...SAMPLE_ROWS.listEntries,
      id: 'my-list:my-tent',
      listId: 'my-list',
      itemId: 'my-tent',
    });
    await d.trips.add({ ...SAMPLE_ROWS.trips, id: 'my-trip' });

    expect(await hasLiveSampleData(d)).toBe(true);
    const cleared = await clearSampleData(d);
    expect(await hasLiveSampleData(d)).toBe(false);

    expect(await liveCount(d, 'items')).toBe(1);
    expect((await d.items.get('my-tent'))?.deleted).toBe(false);
    expect(await liveCount(d, 'lists')).toBe(1);
    expect(await liveCount(d, 'listEntries')).toBe(1);
    expect(await liveCount(d, 'trips')).toBe(1);
    expect(await liveCount(d, 'packs')).toBe(0);
    expect(await liveCount(d, 'packLists')).toBe(0);
    // Soft deletes: the rows stay, so the deletion can sync and be undone.
    expect(await d.items.count()).toBe(1 + cleared.items.length);

    await restoreSampleData(d, cleared);
    expect(await hasLiveSampleData(d)).toBe(true);
    expect(await liveCount(d, 'packs')).toBe(1);
    expect(await liveCount(d, 'items')).toBe(1 + cleared.items.length);
  });

  it('keeps the sample rows the user edited or uses from their own trips, packs and lists', async () => {
    const d = await fresh();
    await seedOnFirstRun(d, NOW);
    const sample = await readSampleIds(d);
    const [editedItem, usedItem] = sample?.items ?? [];
    const [renamedList, usedList] = sample?.lists ?? [];
    // Edited: a sample item's weight and a sample list's name.
    await d.items.update(editedItem ?? '', { weightGrams: 1200 });
    await d.lists.update(renamedList ?? '', { name: 'My sleep system' });
    // Used: the user's list holds a sample item; the user's pack holds a sample list.
    await d.lists.add({ ...SAMPLE_ROWS.lists, id: 'mine' });
    await d.listEntries.add({
      ...SAMPLE_ROWS.listEntries,
      id: `mine:${usedItem}`,
      listId: 'mine',
      itemId: usedItem ?? '',
    });
    await d.packs.add({ ...SAMPLE_ROWS.packs, id: 'my-pack' });
    await d.packLists.add({
      ...SAMPLE_ROWS.packLists,
      id: `my-pack:${usedList}`,
      packId: 'my-pack',
      listId: usedList ?? '',
    });

    const cleared = await clearSampleData(d);
    const live = async (table: 'items' | 'lists', id: string | undefined) =>
      (await d.table(table).get(id ?? ''))?.deleted === false;
    expect(await live('items', editedItem)).toBe(true);
    expect(await live('items', usedItem)).toBe(true);
    expect(await live('lists', renamedList)).toBe(true);
    expect(await live('lists', usedList)).toBe(true);
    // A kept list keeps its own entries and their items, so the user's pack weighs the same.
    const usedListEntries = await d.listEntries
      .where('listId')
      .equals(usedList ?? '')
      .toArray();
    expect(usedListEntries.length).toBeGreaterThan(0);
    for (const entry of usedListEntries) {
      expect(entry.deleted).toBe(false);
      expect(await live('items', entry.itemId)).toBe(true);
    }
    // The rest went, and what was kept is no longer offered for removal.
    expect(await liveCount(d, 'packs')).toBe(1);
    expect(cleared.packs).toHaveLength(1);
    expect(await hasLiveSampleData(d)).toBe(false);
  });

  it('does nothing on a device that never had the sample', async () => {
    const d = await fresh();
    await d.items.add({ ...SAMPLE_ROWS.items, id: 'mine' });
    const cleared = await clearSampleData(d);
    expect(Object.values(cleared).flat()).toEqual([]);
    expect(await liveCount(d, 'items')).toBe(1);
    expect(await hasLiveSampleData(d)).toBe(false);
  });
});
