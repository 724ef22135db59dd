import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import { indexNames } from './test-support/index-names';
import type { PybDatabase } from './db';
import { LOCAL_TABLES, SYNCED_TABLES } from './types';

let database: PybDatabase | undefined;
let counter = 0;

async function freshDatabase(): Promise<PybDatabase> {
  database = openDatabase(`db-test-${++counter}`);
  await database.open();
  return database;
}

afterEach(async () => {
  await database?.delete();
  database = undefined;
});

describe('local database', () => {
  it('is named packyourbag by default', () => {
    expect(openDatabase().name).toBe('packyourbag');
  });

  it('is at schema version 4 (upgrade.test.ts and outbox-upgrade.test.ts cover the way)', async () => {
    expect((await freshDatabase()).verno).toBe(4);
  });

  it('has exactly the synced tables of docs/api.md plus outbox and meta', async () => {
    const d = await freshDatabase();
    expect(d.tables.map((t) => t.name).sort()).toEqual([...SYNCED_TABLES, ...LOCAL_TABLES].sort());
    expect([...SYNCED_TABLES]).toEqual([
      'items',
      'lists',
      'listEntries',
      'packs',
      'packLists',
      'trips',
      'tripChecks',
      'settings',
    ]);
  });

  it('indexes only the fields the model queries by (every index is written on every put)', async () => {
    const d = await freshDatabase();
    expect(indexNames(d)).toEqual({
      items: [],
      lists: [],
      listEntries: ['listId'],
      packs: [],
      packLists: ['packId'],
      trips: [],
      tripChecks: ['tripId'],
      settings: [],
      outbox: [],
      meta: [],
    });
    expect(d.outbox.schema.primKey).toMatchObject({ name: 'seq', auto: true });
    expect(d.meta.schema.primKey.name).toBe('key');
  });

  it('writes and reads a row in every table', async () => {
    const d = await freshDatabase();
    const base = { deleted: false };
    await d.items.add({
      ...base,
      id: 'i1',
      name: 'Tent',
      brand: 'Acme',
      weightGrams: 1234.5,
      weightUnit: null,
      priceCents: null,
      currency: null,
      url: null,
      notes: '',
      color: 3,
      status: 'owned',
    });
    await d.lists.add({
      ...base,
      id: 'l1',
      name: 'Shelter',
      notes: '',
      color: null,
      sortKey: 'a0',
    });
    await d.listEntries.add({
      ...base,
      id: 'l1:i1',
      listId: 'l1',
      itemId: 'i1',
      qty: 2,
      wornQty: 0,
      consumable: false,
      sortKey: 'a0',
    });
    await d.packs.add({ ...base, id: 'p1', name: 'Summer', notes: '', color: null, sortKey: 'a0' });
    await d.packLists.add({ ...base, id: 'p1:l1', packId: 'p1', listId: 'l1', sortKey: 'a0' });
    await d.trips.add({
      ...base,
      id: 't1',
      name: 'Sarek',
      packId: 'p1',
      startDate: '2026-07-01',
      endDate: null,
      location: '',
      notes: '',
      color: null,
      checksResetAt: null,
    });
    await d.tripChecks.add({ ...base, id: 't1:i1', tripId: 't1', itemId: 'i1', checked: true });
    await d.settings.add({ id: 'settings', theme: 'dark' });
    // The writes above queued their own entries (outbox.test.ts); start this table afresh.
    await d.outbox.clear();
    const seq = await d.outbox.add({
      table: 'items',
      id: 'i1',
      values: { name: 'Tent' },
      hlc: '2026-11-26T01:05:54.123Z-0000-0123456789abcdef',
    });
    await d.meta.put({ key: 'nodeId', value: '0123456789abcdef' });

    expect((await d.items.get('i1'))?.weightGrams).toBe(1234.5);
    expect((await d.lists.get('l1'))?.name).toBe('Shelter');
    expect(await d.listEntries.where('listId').equals('l1').primaryKeys()).toEqual(['l1:i1']);
    expect((await d.packs.get('p1'))?.name).toBe('Summer');
    expect(await d.packLists.where('packId').equals('p1').primaryKeys()).toEqual(['p1:l1']);
    expect((await d.trips.get('t1'))?.startDate).toBe('2026-07-01');
    expect((await d.tripChecks.where('tripId').equals('t1').first())?.checked).toBe(true);
    expect(await d.settings.get('settings')).toMatchObject({ id: 'settings', theme: 'dark' });
    expect((await d.outbox.get(seq))?.values).toEqual({ name: 'Tent' });
    expect(await d.outbox.filter((e) => e.table === 'items').count()).toBe(1);
    expect((await d.meta.get('nodeId'))?.value).toBe('0123456789abcdef');
  });

  it('numbers outbox entries in insertion order', async () => {
    const d = await freshDatabase();
    const entry = { table: 'items' as const, id: 'i1', values: { name: 'x' }, hlc: 'h' };
    // Fresh objects: Dexie writes the generated seq back into the object it is given.
    const first = await d.outbox.add({ ...entry });
    const second = await d.outbox.add({ ...entry });
    expect(second).toBeGreaterThan(first);
  });
});
