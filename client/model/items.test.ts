import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/db';
import type { PybDatabase } from '../db/db';
import { createItem, deleteItem, itemLibrary, liveItems, restoreItem, updateItem } from './items';
import { addItemToList, createList, deleteList, removeEntry } from './lists';

let database: PybDatabase | undefined;
let counter = 0;

async function fresh(): Promise<PybDatabase> {
  database = openDatabase(`items-test-${++counter}`);
  await database.open();
  return database;
}

afterEach(async () => {
  await database?.delete();
  database = undefined;
});

describe('items data', () => {
  it('creates a whole, schema-valid row with defaults and trimmed texts', async () => {
    const d = await fresh();
    const id = await createItem(d, { name: '  Tent ', weightGrams: 1200, brand: ' Acme ' });
    const row = await d.items.get(id);
    expect(row).toMatchObject({
      id,
      name: 'Tent',
      brand: 'Acme',
      weightGrams: 1200,
      weightUnit: null,
      priceCents: null,
      currency: null,
      url: null,
      notes: '',
      color: null,
      status: 'owned',
      deleted: false,
    });
    // The middleware stamped every field.
    expect(Object.keys((row as unknown as { _hlc: object })._hlc)).toContain('name');
  });

  it('refuses invalid input and writes nothing', async () => {
    const d = await fresh();
    await expect(createItem(d, { name: '   ', weightGrams: 1 })).rejects.toThrow(/Invalid item/);
    await expect(createItem(d, { name: 'X', weightGrams: -1 })).rejects.toThrow();
    await expect(createItem(d, { name: 'X', weightGrams: 1, currency: 'eur' })).rejects.toThrow();
    expect(await d.items.count()).toBe(0);
  });

  it('updates only valid fields, trimmed', async () => {
    const d = await fresh();
    const id = await createItem(d, { name: 'Tent', weightGrams: 1200 });
    await updateItem(d, id, { name: ' Big tent ', weightGrams: 1500, weightUnit: 'kg', color: 3 });
    expect(await d.items.get(id)).toMatchObject({
      name: 'Big tent',
      weightGrams: 1500,
      weightUnit: 'kg',
      color: 3,
    });
    await expect(updateItem(d, id, { name: '' })).rejects.toThrow();
    await expect(updateItem(d, id, { url: 'ftp://x' })).rejects.toThrow();
    await expect(updateItem(d, 'nope', { name: 'x' })).rejects.toThrow(/No item/);
    expect((await d.items.get(id))?.name).toBe('Big tent');
  });

  it('soft-deletes and restores (undo)', async () => {
    const d = await fresh();
    const id = await createItem(d, { name: 'Tent', weightGrams: 1200 });
    await deleteItem(d, id);
    expect((await d.items.get(id))?.deleted).toBe(true);
    expect(await liveItems(d)).toEqual([]);
    await restoreItem(d, id);
    expect((await liveItems(d)).map((i) => i.id)).toEqual([id]);
  });

  it('sorts live items by name, ignoring case', async () => {
    const d = await fresh();
    await createItem(d, { name: 'stove', weightGrams: 1 });
    await createItem(d, { name: 'Bowl', weightGrams: 1 });
    await createItem(d, { name: 'apple', weightGrams: 1 });
    expect((await liveItems(d)).map((i) => i.name)).toEqual(['apple', 'Bowl', 'stove']);
  });

  it('tells which live lists use each item, in list order', async () => {
    const d = await fresh();
    const tent = await createItem(d, { name: 'Tent', weightGrams: 1200 });
    const sleep = await createList(d, { name: 'Sleep' });
    const shelter = await createList(d, { name: 'Shelter' });
    const old = await createList(d, { name: 'Old' });
    const removed = await createList(d, { name: 'Removed' });
    await addItemToList(d, shelter, tent);
    await addItemToList(d, sleep, tent);
    await addItemToList(d, old, tent);
    await addItemToList(d, removed, tent);
    await deleteList(d, old);
    await removeEntry(d, `${removed}:${tent}`);
    const { usage } = await itemLibrary(d);
    expect(usage.get(tent)).toEqual([
      { id: sleep, name: 'Sleep' },
      { id: shelter, name: 'Shelter' },
    ]);
  });
});
