import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/db';
import type { PybDatabase } from '../db/db';
import { createItem, deleteItem } from './items';
import {
  addItemToList,
  copyName,
  createItemInList,
  createList,
  deleteList,
  duplicateList,
  listWithEntries,
  liveLists,
  moveEntry,
  removeEntry,
  restoreEntry,
  restoreList,
  setEntryWorn,
  updateEntry,
  updateList,
} from './lists';

let database: PybDatabase | undefined;
let counter = 0;

async function fresh(): Promise<PybDatabase> {
  database = openDatabase(`lists-test-${++counter}`);
  await database.open();
  return database;
}

afterEach(async () => {
  await database?.delete();
  database = undefined;
});

async function listWith(d: PybDatabase, ...names: string[]) {
  const listId = await createList(d, { name: 'Kitchen' });
  const itemIds: string[] = [];
  for (const name of names) {
    const itemId = await createItem(d, { name, weightGrams: 100 });
    await addItemToList(d, listId, itemId);
    itemIds.push(itemId);
  }
  return { listId, itemIds };
}

const names = async (d: PybDatabase, listId: string) =>
  (await listWithEntries(d, listId))?.entries.map((e) => e.item.name);

describe('lists data', () => {
  it('creates lists after the last live one, with a trimmed name', async () => {
    const d = await fresh();
    const a = await createList(d, { name: ' Sleep ' });
    const b = await createList(d, { name: 'Kitchen' });
    await deleteList(d, b);
    const c = await createList(d, { name: 'Water' });
    expect((await liveLists(d)).map((l) => l.id)).toEqual([a, c]);
    expect(await d.lists.get(a)).toMatchObject({ name: 'Sleep', notes: '', color: null });
    await expect(createList(d, { name: '  ' })).rejects.toThrow(/Invalid list/);
  });

  it('updates name, notes and colour, and rejects an empty name', async () => {
    const d = await fresh();
    const id = await createList(d, { name: 'Sleep' });
    await updateList(d, id, { name: 'Sleep system ', notes: ' warm ', color: 4 });
    expect(await d.lists.get(id)).toMatchObject({ name: 'Sleep system', notes: 'warm', color: 4 });
    await expect(updateList(d, id, { name: ' ' })).rejects.toThrow();
  });

  it('soft-deletes a list and restores it; a deleted list reads as null', async () => {
    const d = await fresh();
    const { listId } = await listWith(d, 'Pot');
    await deleteList(d, listId);
    expect(await listWithEntries(d, listId)).toBeNull();
    expect(await listWithEntries(d, 'missing')).toBeNull();
    await restoreList(d, listId);
    expect(await names(d, listId)).toEqual(['Pot']);
  });

  it('adds an item under the deterministic id, once', async () => {
    const d = await fresh();
    const { listId, itemIds } = await listWith(d, 'Pot');
    const [pot = ''] = itemIds;
    expect(await addItemToList(d, listId, pot)).toBe(`${listId}:${pot}`);
    expect(await d.listEntries.count()).toBe(1);
    expect(await d.listEntries.get(`${listId}:${pot}`)).toMatchObject({
      listId,
      itemId: pot,
      qty: 1,
      wornQty: 0,
      consumable: false,
      deleted: false,
    });
  });

  it('revives a removed entry when the item is added again, at the end, keeping its counts', async () => {
    const d = await fresh();
    const { listId, itemIds } = await listWith(d, 'Pot', 'Stove');
    const [pot = ''] = itemIds;
    const entryId = `${listId}:${pot}`;
    await updateEntry(d, entryId, { qty: 2 });
    await removeEntry(d, entryId);
    expect(await names(d, listId)).toEqual(['Stove']);
    await addItemToList(d, listId, pot);
    expect(await names(d, listId)).toEqual(['Stove', 'Pot']);
    expect(await d.listEntries.get(entryId)).toMatchObject({ qty: 2, deleted: false });
    expect(await d.listEntries.count()).toBe(2);
  });

  it('restores a removed entry in place (undo)', async () => {
    const d = await fresh();
    const { listId, itemIds } = await listWith(d, 'Pot', 'Stove');
    await removeEntry(d, `${listId}:${itemIds[0]}`);
    await restoreEntry(d, `${listId}:${itemIds[0]}`);
    expect(await names(d, listId)).toEqual(['Pot', 'Stove']);
  });

  it('hides entries whose item is deleted', async () => {
    const d = await fresh();
    const { listId, itemIds } = await listWith(d, 'Pot', 'Stove');
    await deleteItem(d, itemIds[0] ?? '');
    await d.listEntries.add({
      id: `${listId}:ghost`,
      listId,
      itemId: 'ghost',
      qty: 1,
      wornQty: 0,
      consumable: false,
      sortKey: 'a0',
      deleted: false,
    });
    expect(await names(d, listId)).toEqual(['Stove']);
  });

  it('keeps worn no larger than qty when either count changes', async () => {
    const d = await fresh();
    const { listId, itemIds } = await listWith(d, 'Poles');
    const id = `${listId}:${itemIds[0]}`;
    await updateEntry(d, id, { qty: 2, wornQty: 2 });
    await updateEntry(d, id, { qty: 1 });
    expect(await d.listEntries.get(id)).toMatchObject({ qty: 1, wornQty: 1 });
    await updateEntry(d, id, { consumable: true });
    expect(await d.listEntries.get(id)).toMatchObject({ consumable: true, wornQty: 1 });
    await expect(updateEntry(d, id, { qty: -1 })).rejects.toThrow();
    await expect(updateEntry(d, id, { qty: 1.5 })).rejects.toThrow();
  });

  it.each([
    [0, 2, ['B', 'C', 'A']],
    [2, 0, ['C', 'A', 'B']],
    [1, 0, ['B', 'A', 'C']],
    [0, 9, ['B', 'C', 'A']],
  ])('moves the entry at %i to %i', async (from, to, expected) => {
    const d = await fresh();
    const { listId, itemIds } = await listWith(d, 'A', 'B', 'C');
    await moveEntry(d, listId, `${listId}:${itemIds[from]}`, to);
    expect(await names(d, listId)).toEqual(expected);
  });

  it('duplicates a list as an independent copy', async () => {
    const d = await fresh();
    const { listId, itemIds } = await listWith(d, 'A', 'B', 'C');
    await updateList(d, listId, { notes: 'n', color: 2 });
    await updateEntry(d, `${listId}:${itemIds[1]}`, { qty: 3, wornQty: 1 });
    await moveEntry(d, listId, `${listId}:${itemIds[2]}`, 0);
    await removeEntry(d, `${listId}:${itemIds[0]}`);

    const copyId = await duplicateList(d, listId);
    expect(copyId).not.toBe(listId);
    const copy = await listWithEntries(d, copyId);
    expect(copy?.list).toMatchObject({ name: 'Kitchen (copy)', notes: 'n', color: 2 });
    expect(copy?.entries.map((e) => e.item.name)).toEqual(['C', 'B']);
    expect(copy?.entries[1]?.entry).toMatchObject({
      id: `${copyId}:${itemIds[1]}`,
      qty: 3,
      wornQty: 1,
    });
    expect((await liveLists(d)).map((l) => l.id)).toEqual([listId, copyId]);

    // Changing the copy leaves the original alone.
    await updateEntry(d, `${copyId}:${itemIds[1]}`, { qty: 9 });
    await deleteList(d, copyId);
    expect((await d.listEntries.get(`${listId}:${itemIds[1]}`))?.qty).toBe(3);
    expect(await names(d, listId)).toEqual(['C', 'B']);
  });

  it('refuses to duplicate a missing or deleted list', async () => {
    const d = await fresh();
    const id = await createList(d, { name: 'X' });
    await deleteList(d, id);
    await expect(duplicateList(d, id)).rejects.toThrow();
    await expect(duplicateList(d, 'nope')).rejects.toThrow();
  });

  it('creates an item and adds it in one go', async () => {
    const d = await fresh();
    const { listId } = await listWith(d, 'A');
    const itemId = await createItemInList(d, listId, { name: 'Spork', weightGrams: 12 });
    expect(await names(d, listId)).toEqual(['A', 'Spork']);
    expect((await d.items.get(itemId))?.name).toBe('Spork');
    await expect(createItemInList(d, listId, { name: '', weightGrams: 1 })).rejects.toThrow();
    expect(await d.items.count()).toBe(2);
  });

  it('names copies within the 200-character limit', () => {
    expect(copyName('Kitchen')).toBe('Kitchen (copy)');
    expect(copyName('x'.repeat(200))).toHaveLength(200);
    expect(copyName(`${'x'.repeat(192)}😀`)).toBe(`${'x'.repeat(192)} (copy)`);
  });

  it('marks all units worn with the quantity of the latest write, or none', async () => {
    const d = await fresh();
    const { listId, itemIds } = await listWith(d, 'Socks');
    const entryId = `${listId}:${itemIds[0]}`;
    // The grid toggles in the next key event after a quantity edit, before it has landed.
    const qty = updateEntry(d, entryId, { qty: 3 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await Promise.all([qty, setEntryWorn(d, entryId, true)]);
    expect(await d.listEntries.get(entryId)).toMatchObject({ qty: 3, wornQty: 3 });
    await setEntryWorn(d, entryId, false);
    expect(await d.listEntries.get(entryId)).toMatchObject({ qty: 3, wornQty: 0 });
  });
});
