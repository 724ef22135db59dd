import { afterEach, describe, expect, it } from 'vitest';
import { parseHlc } from '../../shared/hlc';
import { SAMPLE_ROWS } from '../../shared/test-support/sample-rows';
import { openDatabase, type PybDatabase } from '../db/db';
import { cellsOfEntry, SYNCED_TABLES } from '../db/types';
import { applyingRemote } from '../db/write-marks';
import { readSampleIds, seedOnFirstRun } from './first-run';
import { discardLocalData, kindOf, summarizeLocalData } from './guest-data';
import { keepLocalData } from './guest-data-keep';
import { rehome } from './outbox-cells';

let database: PybDatabase | undefined;
let counter = 0;
async function fresh(): Promise<PybDatabase> {
  database = openDatabase(`guest-data-${++counter}`);
  await database.open();
  return database;
}
afterEach(async () => {
  await database?.delete({ disableAutoOpen: false });
  database?.close();
  database = undefined;
});

const NOW = new Date(2026, 5, 1, 9, 30);
const OTHER_NODE = 'fedcba9876543210';
/** Every queued cell, entry by entry. */
const cellsIn = async (d: PybDatabase) => (await d.outbox.toArray()).flatMap(cellsOfEntry);
const countAll = async (d: PybDatabase) =>
  (await Promise.all(SYNCED_TABLES.map((t) => d.table(t).count()))).reduce((a, b) => a + b, 0);

describe('summarizeLocalData', () => {
  it('calls a database with no rows empty', async () => {
    const d = await fresh();
    expect(kindOf(await summarizeLocalData(d))).toBe('empty');
  });

  it('calls the untouched first-run sample sample-only', async () => {
    const d = await fresh();
    await seedOnFirstRun(d, NOW);
    const summary = await summarizeLocalData(d);
    expect(kindOf(summary)).toBe('sample-only');
    expect(summary.sample).toBeGreaterThan(35);
  });

  it('counts a sample item the user edited as their own', async () => {
    const d = await fresh();
    await seedOnFirstRun(d, NOW);
    const itemId = (await readSampleIds(d))?.items[0] ?? '';
    await d.items.update(itemId, { name: 'My own tent' });
    const summary = await summarizeLocalData(d);
    expect(kindOf(summary)).toBe('own-data');
    expect(summary.own.items).toBe(1);
  });

  it('counts rows the user made, and a changed setting, but no deleted rows', async () => {
    const d = await fresh();
    await seedOnFirstRun(d, NOW);
    await d.items.add({ ...SAMPLE_ROWS.items, id: 'mine' });
    await d.lists.add({ ...SAMPLE_ROWS.lists, id: 'gone', deleted: true });
    await d.settings.upsert('settings', { theme: 'dark' });
    const summary = await summarizeLocalData(d);
    expect(summary.own).toMatchObject({ items: 1, lists: 0, settings: 1 });
  });

  it('says when the oldest own row (settings aside) was first written', async () => {
    const d = await fresh();
    await seedOnFirstRun(d, NOW);
    expect((await summarizeLocalData(d)).ownSince).toBeNull();
    await d.settings.upsert('settings', { theme: 'dark' });
    expect((await summarizeLocalData(d)).ownSince).toBeNull();
    const before = Date.now();
    await d.items.add({ ...SAMPLE_ROWS.items, id: 'mine' });
    const { ownSince } = await summarizeLocalData(d);
    expect(ownSince).toBeGreaterThanOrEqual(before);
    expect(ownSince).toBeLessThanOrEqual(Date.now());
  });

  it('does not count a settings row that holds no choice', async () => {
    const d = await fresh();
    await d.settings.put({ id: 'settings' });
    expect(kindOf(await summarizeLocalData(d))).toBe('empty');
  });
});

describe('discardLocalData', () => {
  it('removes every synced row, the outbox, the cursor and the sample ids; keeps the clock', async () => {
    const d = await fresh();
    await seedOnFirstRun(d, NOW);
    await d.items.add({ ...SAMPLE_ROWS.items, id: 'mine' });
    await d.outbox.add({ table: 'items', id: 'mine', values: { name: 'Tent' }, hlc: 'x' });
    await d.meta.put({ key: 'cursor', value: 'c1' });
    const nodeId = (await d.meta.get('nodeId'))?.value;

    await discardLocalData(d);

    expect(await countAll(d)).toBe(0);
    expect(await d.outbox.count()).toBe(0);
    expect(await d.meta.get('cursor')).toBeUndefined();
    expect(await d.meta.get('sampleRows')).toBeUndefined();
    expect((await d.meta.get('nodeId'))?.value).toBe(nodeId);
    expect(await d.meta.get('seeded')).toBeDefined();
  });

  it('leaves hard deletes refused everywhere else', async () => {
    const d = await fresh();
    await d.items.add({ ...SAMPLE_ROWS.items, id: 'a' });
    await discardLocalData(d);
    await d.items.add({ ...SAMPLE_ROWS.items, id: 'b' });
    await expect(d.items.delete('b')).rejects.toThrow(/deleted: true/);
    await expect(d.items.clear()).rejects.toThrow(/deleted: true/);
  });
});

describe('keepLocalData', () => {
  it('puts every cell of every row, deleted ones too, into the outbox with its own hlc', async () => {
    const d = await fresh();
    await d.items.add({ ...SAMPLE_ROWS.items, id: 'a' });
    await d.lists.add({ ...SAMPLE_ROWS.lists, id: 'l', deleted: true });
    await d.items.update('a', { name: 'Tarp' });
    const stamps = ((await d.items.get('a')) as unknown as { _hlc: Record<string, string> })._hlc;

    const written = await keepLocalData(d);

    const entries = await cellsIn(d);
    const fieldsOf = (table: string, id: string) =>
      entries.filter((e) => e.table === table && e.id === id).map((e) => e.field);
    expect(written).toBe(entries.length);
    expect(fieldsOf('items', 'a').sort()).toEqual(
      Object.keys(SAMPLE_ROWS.items)
        .filter((f) => f !== 'id')
        .sort(),
    );
    expect(fieldsOf('lists', 'l')).toContain('deleted');
    const name = entries.find((e) => e.table === 'items' && e.field === 'name');
    expect(name).toMatchObject({ value: 'Tarp', hlc: stamps['name'] });
    expect(entries.some((e) => e.field === '_hlc' || e.field === 'id')).toBe(false);
  });

  it('replaces what was pending instead of adding it twice', async () => {
    const d = await fresh();
    await d.items.add({ ...SAMPLE_ROWS.items, id: 'a' });
    await d.outbox.add({ table: 'items', id: 'a', values: { name: 'Tent' }, hlc: 'old' });
    const written = await keepLocalData(d);
    expect((await cellsIn(d)).length).toBe(written);
    expect(await d.outbox.count()).toBe(1); // the row's cells share one hlc: one entry
    expect(await d.outbox.filter((e) => e.table === 'items' && e.hlc === 'old').count()).toBe(0);
  });

  it("re-homes another node's stamps to this node, keeping their time", async () => {
    const local = '0123456789abcdef';
    const foreign = `2026-06-01T09:30:00.000Z-0003-${OTHER_NODE}`;
    expect(rehome(foreign, local)).toBe(`2026-06-01T09:30:00.000Z-0003-${local}`);
    expect(rehome(`2026-06-01T09:30:00.000Z-0003-${local}`, local)).toBe(
      `2026-06-01T09:30:00.000Z-0003-${local}`,
    );
    expect(rehome('garbage', local)).toBeNull();
    expect(rehome(undefined, local)).toBeNull();
  });

  it('pushes only hlcs of this node, so the server accepts them', async () => {
    const d = await fresh();
    await d.items.add({ ...SAMPLE_ROWS.items, id: 'a' });
    // A row that came from an account this device was signed in to before.
    const foreign = `2026-06-01T09:30:00.000Z-0003-${OTHER_NODE}`;
    const stamps = Object.fromEntries(Object.keys(SAMPLE_ROWS.lists).map((f) => [f, foreign]));
    await d.transaction('rw', d.lists, async (transaction) => {
      applyingRemote(transaction);
      await d.lists.put({ ...SAMPLE_ROWS.lists, id: 'pulled', _hlc: stamps } as never);
    });
    const nodeId = (await d.meta.get('nodeId'))?.value;
    await keepLocalData(d);
    const entries = await cellsIn(d);
    for (const entry of entries) expect(parseHlc(entry.hlc)?.node).toBe(nodeId);
    const pulledName = entries.find((e) => e.id === 'pulled' && e.field === 'name');
    expect(pulledName?.hlc).toBe(`2026-06-01T09:30:00.000Z-0003-${nodeId}`);
  });
});
