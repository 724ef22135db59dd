// A device that ran version 1 keeps all its data when the app with version 2 opens the
// database. Version 1 is declared here as it shipped, with plain Dexie (no middleware),
// so the test keeps describing what real devices hold even after db.ts moves on.
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_ROWS } from '../../shared/test-support/sample-rows';
import { openDatabase, type PybDatabase } from './db';
import { indexNames } from './test-support/index-names';

const SHIPPED_V1 = {
  items: 'id, name',
  lists: 'id, sortKey',
  listEntries: 'id, listId, itemId',
  packs: 'id, sortKey',
  packLists: 'id, packId, listId',
  trips: 'id, startDate',
  tripChecks: 'id, tripId',
  settings: 'id',
  outbox: '++seq, table',
  meta: 'key',
};

const STAMPS = { _hlc: { name: '2026-06-01T10:00:00.000Z-0000-0123456789abcdef' } };

let counter = 0;
let opened: PybDatabase | undefined;

afterEach(async () => {
  await opened?.delete();
  opened = undefined;
});

async function deviceAtVersion1(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SHIPPED_V1);
  await v1.open();
  await v1.table('items').bulkAdd([
    { ...SAMPLE_ROWS.items, id: 'tent', ...STAMPS },
    { ...SAMPLE_ROWS.items, id: 'stove', name: 'Stove', status: 'wishlist' },
    { ...SAMPLE_ROWS.items, id: 'old', name: 'Old pad', status: 'retired', deleted: true },
  ]);
  await v1.table('lists').add({ ...SAMPLE_ROWS.lists, id: 'l1' });
  await v1.table('listEntries').add({ ...SAMPLE_ROWS.listEntries, id: 'l1:tent', itemId: 'tent' });
  await v1.table('packs').add({ ...SAMPLE_ROWS.packs, id: 'p1' });
  await v1.table('packLists').add({ ...SAMPLE_ROWS.packLists, id: 'p1:l1' });
  await v1.table('trips').bulkAdd([
    { ...SAMPLE_ROWS.trips, id: 't1', packId: 'p1', startDate: '2026-07-01' },
    { ...SAMPLE_ROWS.trips, id: 't2', packId: null },
  ]);
  await v1.table('tripChecks').bulkAdd([
    { ...SAMPLE_ROWS.tripChecks, id: 't1:tent', itemId: 'tent' },
    { ...SAMPLE_ROWS.tripChecks, id: 't1:stove', itemId: 'stove', checked: false },
  ]);
  await v1.table('settings').add({ id: 'settings', theme: 'dark' });
  await v1
    .table('outbox')
    .add({ table: 'items', id: 'tent', field: 'name', value: 'Tent', hlc: 'h' });
  await v1.table('meta').bulkAdd([
    { key: 'nodeId', value: '0123456789abcdef' },
    { key: 'hlc', value: STAMPS._hlc.name },
  ]);
  v1.close();
}

async function dump(database: Dexie): Promise<Record<string, unknown[]>> {
  const tables = database.tables.map((t) => t.name).sort();
  return Object.fromEntries(
    await Promise.all(tables.map(async (t) => [t, await database.table(t).toArray()] as const)),
  );
}

describe('database upgrade from version 1 to the current version', () => {
  it('keeps every row of every table, stamps and outbox included', async () => {
    const name = `upgrade-test-${++counter}`;
    await deviceAtVersion1(name);
    const before = new Dexie(name);
    before.version(1).stores(SHIPPED_V1);
    const expected = await dump(before);
    before.close();

    opened = openDatabase(name);
    await opened.open();
    expect(opened.verno).toBe(4);
    // Version 3 stores the outbox one entry per written row (outbox-upgrade.ts).
    expected['outbox'] = [
      { seq: 1, table: 'items', id: 'tent', values: { name: 'Tent' }, hlc: 'h' },
    ];
    expect(await dump(opened)).toEqual(expected);
    expect(Object.values(expected).flat()).toHaveLength(15);
  });

  it('answers queries on the indexes it keeps, and keeps no index nothing reads (version 4)', async () => {
    const name = `upgrade-test-${++counter}`;
    await deviceAtVersion1(name);
    opened = openDatabase(name);
    await opened.open();

    expect(await opened.listEntries.where('listId').equals('l1').primaryKeys()).toEqual([
      'l1:tent',
    ]);
    expect(await opened.packLists.where('packId').equals('p1').primaryKeys()).toEqual(['p1:l1']);
    expect(await opened.tripChecks.where('tripId').equals('t1').count()).toBe(2);
    const fresh = openDatabase(`upgrade-test-${++counter}`);
    await fresh.open();
    expect(indexNames(opened)).toEqual(indexNames(fresh));
    await fresh.delete();
  });

  it('goes on writing after the upgrade, with the clock it had', async () => {
    const name = `upgrade-test-${++counter}`;
    await deviceAtVersion1(name);
    opened = openDatabase(name);
    await opened.items.update('tent', { name: 'Tarp tent' });
    const tent = (await opened.items.get('tent')) as unknown as typeof STAMPS;
    expect(tent._hlc.name > STAMPS._hlc.name).toBe(true);
    expect(tent._hlc.name.endsWith('-0123456789abcdef')).toBe(true);
  });
});
