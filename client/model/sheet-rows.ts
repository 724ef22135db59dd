// Adds rows pasted from a spreadsheet (or read from a CSV with a column mapping) to a list:
// one new item and one entry per row, in ONE transaction, so a paste is all there or not at
// all, and removing it again (the undo) is one transaction too. Each pasted row is a new
// item: two rows named "Stakes" with different weights are two pieces of gear, and
// matching them to the library by name would silently change gear the user already has.
import type { SheetRow } from '../../shared/sheet-import';
import type { ListEntry } from '../../shared/schemas';
import type { PybDatabase } from '../db/db';
import { isLive } from '../domain/live-rows';
import { joinId } from './ids';
import { newItemRow } from './items';
import { keysAtEnd } from './lists';
import { loadSchemas } from './schemas';

/** What a paste wrote, for its undo. */
export interface PastedRows {
  itemIds: string[];
  entryIds: string[];
}

export async function addSheetRowsToList(
  db: PybDatabase,
  listId: string,
  rows: readonly SheetRow[],
): Promise<PastedRows> {
  // Loaded before the transaction: awaiting a dynamic import inside it would commit it.
  const schemas = await loadSchemas();
  const { check, listEntrySchema } = schemas;
  return db.transaction('rw', db.lists, db.listEntries, db.items, async () => {
    if (!isLive(await db.lists.get(listId))) throw new Error(`No list ${listId} to paste into`);
    const keys = await keysAtEnd(db, listId, rows.length);
    const made = rows.map((row, i) => {
      const item = newItemRow(schemas, {
        name: row.name,
        brand: row.description,
        weightGrams: row.weightGrams,
        weightUnit: row.unit,
        priceCents: row.priceCents,
        currency: row.currency, // null without a price (readSheetRows)
      });
      const entry: ListEntry = {
        id: joinId(listId, item.id),
        listId,
        itemId: item.id,
        qty: row.qty,
        wornQty: row.wornQty,
        consumable: row.consumable,
        sortKey: keys[i] as string, // keysAtEnd gives one key per row
        deleted: false,
      };
      return { item, entry: check(listEntrySchema, entry, 'entry') };
    });
    const items = made.map(({ item }) => item);
    const entries = made.map(({ entry }) => entry);
    await db.items.bulkAdd(items);
    await db.listEntries.bulkAdd(entries);
    return { itemIds: items.map((item) => item.id), entryIds: entries.map((entry) => entry.id) };
  });
}

/** The undo of a paste: its entries and the items it made are deleted (soft, as always). */
export async function removePastedRows(db: PybDatabase, pasted: PastedRows): Promise<void> {
  await db.transaction('rw', db.listEntries, db.items, async () => {
    await db.listEntries.bulkUpdate(
      pasted.entryIds.map((key) => ({ key, changes: { deleted: true } })),
    );
    await db.items.bulkUpdate(pasted.itemIds.map((key) => ({ key, changes: { deleted: true } })));
  });
}
