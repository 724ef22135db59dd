// Writes an import plan (import-plan.ts): the pack, its lists, their entries and the new
// items, in ONE Dexie transaction, so an import is all there or not there at all. Every
// row is a whole, schema-checked row like the ones the other model writers make, and every
// write goes through the hlc middleware (stamped, queued in the outbox), so the import
// syncs like anything typed by hand. Rows are added in batches, which keeps the middleware
// to one clock read per batch and lets the caller show progress between them.
import { generateNKeysBetween } from 'fractional-indexing';
import type { Item, List, ListEntry, Pack, PackList } from '../../shared/schemas';
import type { PybDatabase } from '../db/db';
import { bySortKey } from '../domain/sort-order';
import { joinId, keyAfterLast, keysAfterLast, newId } from './ids';
import { liveLists } from './lists';
import type { ImportPlan } from './import-plan';
import { newItemRow } from './items';
import { loadSchemas, type Schemas } from './schemas';

export { planImport } from './import-plan';
export type { ImportPlan } from './import-plan';

/** Rows written so far and in all, after each batch. */
export type ImportProgress = (done: number, total: number) => void;

const BATCH = 500;

interface ImportRows {
  items: Item[];
  lists: List[];
  entries: ListEntry[];
  pack: Pack;
  packLists: PackList[];
}

/** The rows of `plan`, given the sort keys that put its lists and pack after the others. */
function buildRows(
  schemas: Schemas,
  plan: ImportPlan,
  listKeys: string[],
  packKey: string,
): ImportRows {
  const { listEntrySchema, listSchema, packListSchema, packSchema } = schemas;
  const items = plan.newItems.map((input) => newItemRow(schemas, input));
  const packId = newId();
  const lists: List[] = [];
  const entries: ListEntry[] = [];
  plan.lists.forEach((planned, i) => {
    const list = { id: newId(), name: planned.name, notes: '', color: null, deleted: false };
    lists.push(listSchema.parse({ ...list, sortKey: listKeys[i] }));
    const keys = generateNKeysBetween(null, null, planned.entries.length);
    planned.entries.forEach((entry, j) => {
      const itemId = entry.item.kind === 'new' ? items[entry.item.index]?.id : entry.item.id;
      if (itemId === undefined) throw new Error('The plan names a missing new item');
      const { qty, wornQty, consumable } = entry;
      const id = joinId(list.id, itemId);
      const row = { id, listId: list.id, itemId, qty, wornQty, consumable, sortKey: keys[j] };
      entries.push(listEntrySchema.parse({ ...row, deleted: false }));
    });
  });
  const pack = packSchema.parse({
    id: packId,
    name: plan.packName,
    notes: '',
    color: null,
    sortKey: packKey,
    deleted: false,
  });
  const packKeys = generateNKeysBetween(null, null, lists.length);
  const packLists = lists.map((list, i) =>
    packListSchema.parse({
      id: joinId(packId, list.id),
      packId,
      listId: list.id,
      sortKey: packKeys[i],
      deleted: false,
    }),
  );
  return { items, lists, entries, pack, packLists };
}

/** Writes the import and resolves with the new pack's id; on any error nothing is written. */
export async function applyImport(
  db: PybDatabase,
  plan: ImportPlan,
  onProgress: ImportProgress = () => {},
): Promise<string> {
  const tables = [db.items, db.lists, db.listEntries, db.packs, db.packLists];
  const schemas = await loadSchemas();
  return db.transaction('rw', tables, async () => {
    const listKeys = keysAfterLast(await liveLists(db), plan.lists.length);
    const packKey = keyAfterLast((await db.packs.toArray()).sort(bySortKey));
    const rows = buildRows(schemas, plan, listKeys, packKey);
    const total = rows.items.length + rows.lists.length + rows.entries.length + 1;
    let done = 0;
    onProgress(done, total);
    const addAll = async <T>(table: { bulkAdd(rows: T[]): Promise<unknown> }, all: T[]) => {
      for (let at = 0; at < all.length; at += BATCH) {
        const batch = all.slice(at, at + BATCH);
        await table.bulkAdd(batch);
        done += batch.length;
        onProgress(done, total);
      }
    };
    await addAll(db.items, rows.items);
    await addAll(db.lists, rows.lists);
    await addAll(db.listEntries, rows.entries);
    await db.packs.add(rows.pack);
    await db.packLists.bulkAdd(rows.packLists);
    onProgress(total, total);
    return rows.pack.id;
  });
}
