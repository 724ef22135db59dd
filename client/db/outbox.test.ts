import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_ROWS } from '../../shared/test-support/sample-rows';
import { openDatabase, type PybDatabase } from './db';
import { CLOCK_FIELD } from './hlc-middleware';
import { cellsOfEntry } from './types';
import { applyingRemote, stampAlways } from './write-marks';

let database: PybDatabase | undefined;
let counter = 0;
async function fresh(): Promise<PybDatabase> {
  database = openDatabase(`outbox-${++counter}`);
  await database.open();
  return database;
}
afterEach(async () => {
  await database?.delete({ disableAutoOpen: false });
  database?.close();
  database = undefined;
});

const item = { ...SAMPLE_ROWS.items, id: 'a' };
/** Every queued cell, entry by entry. */
const cellsIn = async (d: PybDatabase) => (await d.outbox.toArray()).flatMap(cellsOfEntry);
const fieldsOf = (row: object) => Object.keys(row).filter((f) => f !== 'id');
type Stamped = Record<string, unknown> & { [CLOCK_FIELD]: Record<string, string> };
const stampsOf = async (d: PybDatabase, id: string) =>
  ((await d.items.get(id)) as unknown as Stamped)[CLOCK_FIELD];

describe('outbox (hlc middleware)', () => {
  it('queues one entry per field of a new row, with the value and the stamp of the row', async () => {
    const d = await fresh();
    await d.items.add(item);
    const entries = await cellsIn(d);
    const stamps = await stampsOf(d, 'a');
    expect(entries.map((e) => e.field).sort()).toEqual(fieldsOf(item).sort());
    for (const e of entries) {
      expect(e).toMatchObject({ table: 'items', id: 'a', hlc: stamps[e.field] });
      expect(e.value).toEqual(item[e.field as keyof typeof item]);
    }
  });

  it('queues one entry per written row, holding every field it changed, with one hlc', async () => {
    const d = await fresh();
    const rows = Array.from({ length: 30 }, (_, i) => ({ ...item, id: `r${i}`, name: `Row ${i}` }));
    await d.items.bulkAdd(rows);
    await d.items.update('r3', { name: 'Tarp', notes: 'patched' });
    const entries = await d.outbox.toArray();
    expect(entries).toHaveLength(31);
    expect(entries.slice(0, 30).map((e) => e.id)).toEqual(rows.map((r) => r.id));
    const values = Object.fromEntries(Object.entries(rows[0] ?? item).filter(([f]) => f !== 'id'));
    expect(entries[0]).toMatchObject({ table: 'items', id: 'r0', values });
    expect(entries[30]).toMatchObject({ id: 'r3', values: { name: 'Tarp', notes: 'patched' } });
    const stamps = await stampsOf(d, 'r3');
    expect(entries[30]?.hlc).toBe(stamps['name']);
    expect(stamps['notes']).toBe(stamps['name']);
  });

  it('queues only the fields a write changes', async () => {
    const d = await fresh();
    await d.items.add(item);
    await d.outbox.clear();
    await d.items.update('a', { name: 'Tarp', brand: item.brand });
    const entries = await cellsIn(d);
    expect(entries.map(({ field, value }) => ({ field, value }))).toEqual([
      { field: 'name', value: 'Tarp' },
    ]);
    expect(entries[0]?.hlc).toBe((await stampsOf(d, 'a'))['name']);
  });

  it('[L1] writes the row and its entries together: an aborted transaction leaves neither', async () => {
    const d = await fresh();
    const failing = d.transaction('rw', d.items, async () => {
      await d.items.add(item);
      expect(await d.outbox.count()).toBeGreaterThan(0); // inside, both are there
      throw new Error('abort');
    });
    await expect(failing).rejects.toThrow('abort');
    expect(await d.items.count()).toBe(0);
    expect(await d.outbox.count()).toBe(0);
  });

  it('leaves out the entries of rows a bulkAdd failed to write', async () => {
    const d = await fresh();
    await d.items.add(item);
    await d.outbox.clear();
    const rows = [
      { ...item, name: 'dup' },
      { ...item, id: 'b' },
    ];
    await d.transaction('rw', d.items, async () => {
      await d.items.bulkAdd(rows).catch(() => undefined); // 'a' exists: that one fails
    });
    expect(new Set((await cellsIn(d)).map((e) => e.id))).toEqual(new Set(['b']));
    expect((await d.items.get('a'))?.name).toBe(item.name);
  });

  it('[L1] keeps exactly the entries of the rows written when failures sit between them', async () => {
    const d = await fresh();
    await d.items.bulkAdd([item, { ...item, id: 'c' }]);
    await d.outbox.clear();
    // The entries are queued alongside the rows, so those of the failed ones (the 1st
    // and 3rd) must be taken out again by their keys, and no others.
    const rows = [
      { ...item, name: 'dup a' },
      { ...item, id: 'b' },
      { ...item, id: 'c', name: 'dup c' },
      { ...item, id: 'd', name: 'D' },
    ];
    await d.transaction('rw', d.items, async () => {
      await d.items.bulkAdd(rows).catch(() => undefined);
    });
    const entries = await d.outbox.toArray();
    expect(entries.map((e) => e.id)).toEqual(['b', 'd']);
    for (const entry of entries) expect(Object.keys(entry.values)).toEqual(fieldsOf(item));
    expect(entries[1]?.values['name']).toBe('D');
    expect((await d.items.get('c'))?.name).toBe(item.name);
  });

  it('[L1] a write IndexedDB refuses outright leaves neither rows nor entries, even when caught', async () => {
    const d = await fresh();
    const rows = [
      { ...item, id: 'ok' },
      { ...item, id: 'bad', notes: () => 'a function cannot be cloned' },
    ];
    const run = d.transaction('rw', d.items, async () => {
      await d.items.bulkPut(rows as never).catch(() => undefined);
    });
    await expect(run).rejects.toThrow();
    expect(await d.items.count()).toBe(0);
    expect(await d.outbox.count()).toBe(0);
  });

  it('[L1] stores rows from the server as given, unstamped and not queued', async () => {
    const d = await fresh();
    const stamps = { name: '2026-01-01T00:00:00.000Z-0000-00000000000000aa' };
    await d.transaction('rw', d.items, async (transaction) => {
      applyingRemote(transaction);
      await d.items.put({ id: 'r', name: 'From the server', [CLOCK_FIELD]: stamps } as never);
    });
    expect(await d.outbox.count()).toBe(0);
    expect(await stampsOf(d, 'r')).toEqual(stamps);
    expect(await d.meta.get('hlc')).toBeUndefined();
  });

  it('keeps the remote mark to its own transaction', async () => {
    const d = await fresh();
    await d.transaction('rw', d.items, (transaction) => applyingRemote(transaction));
    await d.items.add(item);
    expect((await cellsIn(d)).length).toBe(fieldsOf(item).length);
  });

  it('stamps and queues a field marked stampAlways even when its value is unchanged', async () => {
    const d = await fresh();
    await d.items.add(item);
    const before = await stampsOf(d, 'a');
    await d.outbox.clear();
    await d.transaction('rw', d.items, async () => {
      const transaction = Dexie.currentTransaction;
      if (transaction) stampAlways(transaction, 'items', ['name']);
      await d.items.put({ ...item });
    });
    const after = await stampsOf(d, 'a');
    expect(after['name'] && before['name'] && after['name'] > before['name']).toBe(true);
    expect(after['brand']).toBe(before['brand']);
    expect((await cellsIn(d)).map((e) => e.field)).toEqual(['name']);
  });

  it('does not queue writes of local tables', async () => {
    const d = await fresh();
    await d.meta.put({ key: 'cursor', value: '7' });
    expect(await d.outbox.count()).toBe(0);
  });
});
