import { afterEach, describe, expect, it } from 'vitest';
import { guessSheet, readSheetRows } from '../../shared/sheet-import';
import { openDatabase } from '../db/db';
import type { PybDatabase } from '../db/db';
import { createItem } from './items';
import { addItemToList, createList, listWithEntries } from './lists';
import { addSheetRowsToList, removePastedRows } from './sheet-rows';

let database: PybDatabase | undefined;
let counter = 0;

async function fresh(): Promise<PybDatabase> {
  database = openDatabase(`sheet-rows-test-${++counter}`);
  await database.open();
  return database;
}

afterEach(async () => {
  await database?.delete();
  database = undefined;
});

const pasted = (text: string) => {
  const guess = guessSheet(text);
  return readSheetRows(guess.table, guess.mapping, {
    hasHeader: guess.hasHeader,
    defaultUnit: 'g',
  }).rows;
};

describe('pasting rows into a list', () => {
  it('adds an item and an entry per row after the existing entries, and undoes in one go', async () => {
    const d = await fresh();
    const listId = await createList(d, { name: 'Shelter' });
    await addItemToList(d, listId, await createItem(d, { name: 'Tarp', weightGrams: 300 }));
    const rows = pasted(
      'Name\tWeight\tQty\tWorn\tPrice\nTent\t1,2 kg\t1\t\t€399\nSocks\t60 g\t2\t1\t',
    );
    const queuedBefore = await d.table('outbox').count();
    const result = await addSheetRowsToList(d, listId, rows);

    const view = await listWithEntries(d, listId);
    expect(view?.entries.map((e) => e.item.name)).toEqual(['Tarp', 'Tent', 'Socks']);
    expect(view?.entries[1]?.item).toMatchObject({
      weightGrams: 1200,
      weightUnit: 'kg',
      priceCents: 39900,
      currency: 'EUR',
    });
    expect(view?.entries[2]?.entry).toMatchObject({ qty: 2, wornQty: 1, consumable: false });
    // Every row written went through the outbox (it syncs like anything typed): one entry
    // for each new item and each new list entry.
    const queued = (await d.table('outbox').toArray()).slice(queuedBefore) as { id: string }[];
    expect(queued.map((e) => e.id).sort()).toEqual([...result.itemIds, ...result.entryIds].sort());

    await removePastedRows(d, result);
    expect((await listWithEntries(d, listId))?.entries.map((e) => e.item.name)).toEqual(['Tarp']);
    expect((await d.items.toArray()).filter((i) => !i.deleted).map((i) => i.name)).toEqual([
      'Tarp',
    ]);
  });

  it('writes nothing when the list is gone', async () => {
    const d = await fresh();
    await expect(addSheetRowsToList(d, 'missing', pasted('Tent\t1 kg'))).rejects.toThrow(/No list/);
    expect(await d.items.count()).toBe(0);
  });
});
