// The bulk writes of the desktop library and the pack board: several items deleted,
// restored, re-statused or added to a list in one transaction each, and an entry moved
// from one list to another (with its counts) and back.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/db';
import type { PybDatabase } from '../db/db';
import {
  createItem,
  deleteItems,
  itemLibrary,
  liveItems,
  restoreItems,
  setItemStatuses,
} from './items';
import {
  addItemToList,
  addItemsToList,
  createList,
  deleteList,
  EntryAlreadyThereError,
  listWithEntries,
  moveEntryToList,
  removeEntry,
  undoEntryMove,
  updateEntry,
} from './lists';

let database: PybDatabase | undefined;
let counter = 0;

async function fresh(): Promise<PybDatabase> {
  database = openDatabase(`library-bulk-test-${++counter}`);
  await database.open();
  return database;
}

afterEach(async () => {
  await database?.delete();
  database = undefined;
});

async function items(d: PybDatabase, ...names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) ids.push(await createItem(d, { name, weightGrams: 100 }));
  return ids;
}

const names = async (d: PybDatabase, listId: string) =>
  (await listWithEntries(d, listId))?.entries.map((e) => e.item.name);

/** How many outbox changes the writes made (one per changed field). */
const outboxSize = (d: PybDatabase) => d.outbox.count();

describe('bulk writes of the library', () => {
  it('deletes several items and restores all of them', async () => {
    const d = await fresh();
    const [a, b, c] = await items(d, 'Tent', 'Stove', 'Mug');
    await deleteItems(d, [a ?? '', c ?? '']);
    expect((await liveItems(d)).map((i) => i.name)).toEqual(['Stove']);
    await restoreItems(d, [a ?? '', c ?? '']);
    expect((await liveItems(d)).map((i) => i.name)).toEqual(['Mug', 'Stove', 'Tent']);
    expect((await d.items.get(b ?? ''))?.deleted).toBe(false);
  });

  it('writes a bulk delete in one transaction: a failure part-way writes nothing', async () => {
    const d = await fresh();
    const [a, b] = await items(d, 'Tent', 'Stove');
    const before = await outboxSize(d);
    // A row that fails the IndexedDB write (a key path that is no valid key) aborts all.
    await expect(deleteItems(d, [a ?? '', b ?? '', {} as string])).rejects.toThrow();
    expect((await liveItems(d)).map((i) => i.name)).toEqual(['Stove', 'Tent']);
    expect(await outboxSize(d)).toBe(before);
  });

  it('sets statuses and undoes with what it returned', async () => {
    const d = await fresh();
    const [a, b] = await items(d, 'Tent', 'Stove');
    await setItemStatuses(d, [{ id: b ?? '', status: 'wishlist' }]);
    const before = await setItemStatuses(d, [
      { id: a ?? '', status: 'retired' },
      { id: b ?? '', status: 'retired' },
      { id: 'nope', status: 'retired' },
    ]);
    expect(before).toEqual([
      { id: a, status: 'owned' },
      { id: b, status: 'wishlist' },
    ]);
    expect((await liveItems(d)).map((i) => i.status)).toEqual(['retired', 'retired']);
    await setItemStatuses(d, before);
    expect((await liveItems(d)).map((i) => [i.name, i.status])).toEqual([
      ['Stove', 'wishlist'],
      ['Tent', 'owned'],
    ]);
    await expect(setItemStatuses(d, [{ id: a ?? '', status: 'lost' as 'owned' }])).rejects.toThrow(
      /Invalid item change/,
    );
  });

  it('adds several items to the end of a list, skipping those already in it', async () => {
    const d = await fresh();
    const [tent, stove, mug, cup] = await items(d, 'Tent', 'Stove', 'Mug', 'Cup');
    const listId = await createList(d, { name: 'Kitchen' });
    await addItemToList(d, listId, stove ?? '');
    await addItemToList(d, listId, cup ?? '');
    await updateEntry(d, `${listId}:${cup}`, { qty: 3 });
    await removeEntry(d, `${listId}:${cup}`);
    const added = await addItemsToList(d, listId, [tent ?? '', stove ?? '', mug ?? '', cup ?? '']);
    expect(added).toBe(3);
    expect(await names(d, listId)).toEqual(['Stove', 'Tent', 'Mug', 'Cup']);
    // A removed entry comes back with its quantities, as with one item.
    expect((await d.listEntries.get(`${listId}:${cup}`))?.qty).toBe(3);
    expect((await itemLibrary(d)).usage.get(mug ?? '')).toEqual([{ id: listId, name: 'Kitchen' }]);
  });

  it('refuses a deleted list and writes nothing', async () => {
    const d = await fresh();
    const [tent] = await items(d, 'Tent');
    const listId = await createList(d, { name: 'Gone' });
    await deleteList(d, listId);
    await expect(addItemsToList(d, listId, [tent ?? ''])).rejects.toThrow(/No list/);
    expect(await d.listEntries.count()).toBe(0);
  });
});

describe('moving an entry between lists', () => {
  async function twoLists(d: PybDatabase) {
    const [tent, stove, mug] = await items(d, 'Tent', 'Stove', 'Mug');
    const sleep = await createList(d, { name: 'Sleep' });
    const kitchen = await createList(d, { name: 'Kitchen' });
    await addItemsToList(d, sleep, [tent ?? '', mug ?? '']);
    await addItemsToList(d, kitchen, [stove ?? '']);
    return { tent: tent ?? '', stove: stove ?? '', mug: mug ?? '', sleep, kitchen };
  }

  it('keeps quantity, worn count and consumable, at the asked position', async () => {
    const d = await fresh();
    const { mug, sleep, kitchen } = await twoLists(d);
    await updateEntry(d, `${sleep}:${mug}`, { qty: 2, wornQty: 1, consumable: true });
    const move = await moveEntryToList(d, `${sleep}:${mug}`, kitchen, 0);
    expect(move).toEqual({ from: `${sleep}:${mug}`, to: `${kitchen}:${mug}` });
    expect(await names(d, sleep)).toEqual(['Tent']);
    expect(await names(d, kitchen)).toEqual(['Mug', 'Stove']);
    expect(await d.listEntries.get(move.to)).toMatchObject({
      listId: kitchen,
      itemId: mug,
      qty: 2,
      wornQty: 1,
      consumable: true,
      deleted: false,
    });
  });

  it('puts it last without a position, and undo puts it back where it was', async () => {
    const d = await fresh();
    const { tent, sleep, kitchen } = await twoLists(d);
    const move = await moveEntryToList(d, `${sleep}:${tent}`, kitchen);
    expect(await names(d, kitchen)).toEqual(['Stove', 'Tent']);
    await undoEntryMove(d, move);
    expect(await names(d, sleep)).toEqual(['Tent', 'Mug']);
    expect(await names(d, kitchen)).toEqual(['Stove']);
  });

  it('revives an entry removed from the other list earlier, with the moved counts', async () => {
    const d = await fresh();
    const { tent, sleep, kitchen } = await twoLists(d);
    await addItemToList(d, kitchen, tent);
    await removeEntry(d, `${kitchen}:${tent}`);
    await updateEntry(d, `${sleep}:${tent}`, { qty: 4 });
    await moveEntryToList(d, `${sleep}:${tent}`, kitchen);
    expect(await d.listEntries.get(`${kitchen}:${tent}`)).toMatchObject({ qty: 4, deleted: false });
  });

  it('refuses to merge into a list that has the item, and writes nothing', async () => {
    const d = await fresh();
    const { tent, sleep, kitchen } = await twoLists(d);
    await addItemToList(d, kitchen, tent);
    const before = await outboxSize(d);
    await expect(moveEntryToList(d, `${sleep}:${tent}`, kitchen)).rejects.toBeInstanceOf(
      EntryAlreadyThereError,
    );
    await expect(moveEntryToList(d, `${sleep}:${tent}`, sleep)).rejects.toThrow(/already in/);
    await expect(moveEntryToList(d, `${sleep}:nope`, kitchen)).rejects.toThrow(/No live/);
    expect(await outboxSize(d)).toBe(before);
    expect(await names(d, sleep)).toEqual(['Tent', 'Mug']);
  });
});
