// Adds rows pasted from a spreadsheet (or read from a CSV with a column mapping) to a list:
// one new item and one entry per row, in ONE transaction, so a paste is all there or not at
// all, and removing it again (the undo) is one transaction too. Each pasted row is a new
// item: two rows named "Stakes" with different weights are two pieces of gear, and
// matching them to the library by name would silently change gear the user already has.
import type { SheetRow } from '../../shared/sheet-import';
import type { ListEntry } from '../../shared/schemas';
import type { PybDatabase } from '../db/db';
import { isLive } from '../domain/live-rows';
import { liveInOrder } from '../domain/sort-order';
import { joinId, keysAfterLast } from './ids';
import { newItemRow } from './items';
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
    const siblings = liveInOrder(await db.listEntries.where('listId').equals(listId).toArray());
    const keys = keysAfterLast(siblings, rows.length);
    const items = rows.map((row) =>
      newItemRow(schemas, {
        name: row.name,
        brand: row.description,
        weightGrams: row.weightGrams,
        weightUnit: row.unit,
        priceCents: row.priceCents,
        currency: row.priceCents === null ? null : row.currency,
      }),
    );
    const entries = items.map((item, i): ListEntry => {
      const row = rows[i];
      const entry = {
        id: joinId(listId, item.id),
        listId,
        itemId: item.id,
        qty: row?.qty ?? 1,
        wornQty: row?.wornQty ?? 0,
        consumable: row?.consumable ?? false,
        sortKey: keys[i] ?? '',
        deleted: false,
      };
      return check(listEntrySchema, entry, 'entry');
    });
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
