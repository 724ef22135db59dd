// Writes an import plan (import-plan.ts): the pack, its lists, their entries and the new
// items, in ONE Dexie transaction, so an import is all there or not there at all. Every
// row is a whole, schema-checked row like the ones the other model writers make, and every
// write goes through the hlc middleware (stamped, queued in the outbox), so the import
// syncs like anything typed by hand (one outbox entry per row). The rows are built and
// checked first, outside the transaction and in slices, so a 20,000-row file does not
// freeze the page; then they are added in batches, which keeps the middleware to one
// clock read per batch and lets the caller show progress between them.
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

/**
 * Rows done so far and in all: first while they are checked against the schemas
 * (`checking`), then while they are written (`saving`).
 */
export type ImportProgress = (done: number, total: number, phase: ImportPhase) => void;
export type ImportPhase = 'checking' | 'saving';

/** Rows per bulk write: one clock read and one outbox write each, progress between them. */
const BATCH = 500;
/** Rows checked between two yields to the page (see checkRows). */
const CHECK_SLICE = 1000;

/** The rows that do not depend on what the database holds: checked before the transaction. */
interface CheckedRows {
  items: Item[];
  entries: ListEntry[];
  listIds: string[];
}

interface ImportRows extends CheckedRows {
  lists: List[];
  pack: Pack;
  packLists: PackList[];
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Builds and checks the new items and the entries, in slices with a yield to the page
 * between them: 40,000 schema checks in one go would freeze it for seconds. This runs
 * before the transaction, because IndexedDB commits a transaction that waits on a timer.
 */
async function checkRows(
  schemas: Schemas,
  plan: ImportPlan,
  onProgress: (done: number) => void,
): Promise<CheckedRows> {
  const { listEntrySchema } = schemas;
  const items: Item[] = [];
  const entries: ListEntry[] = [];
  const listIds = plan.lists.map(() => newId());
  let sinceYield = 0;
  const slice = async () => {
    if (++sinceYield < CHECK_SLICE) return;
    sinceYield = 0;
    onProgress(items.length + entries.length);
    await nextTask();
  };
  for (const input of plan.newItems) {
    items.push(newItemRow(schemas, input));
    await slice();
  }
  for (const [i, planned] of plan.lists.entries()) {
    const listId = listIds[i] ?? newId();
    const keys = generateNKeysBetween(null, null, planned.entries.length);
    for (const [j, entry] of planned.entries.entries()) {
      const itemId = entry.item.kind === 'new' ? items[entry.item.index]?.id : entry.item.id;
      if (itemId === undefined) throw new Error('The plan names a missing new item');
      const { qty, wornQty, consumable } = entry;
      const id = joinId(listId, itemId);
      const row = { id, listId, itemId, qty, wornQty, consumable, sortKey: keys[j] };
      entries.push(listEntrySchema.parse({ ...row, deleted: false }));
      await slice();
    }
  }
  return { items, entries, listIds };
}

/** The rest of the rows, given the sort keys that put the lists and pack after the others. */
function placeRows(
  schemas: Schemas,
  plan: ImportPlan,
  checked: CheckedRows,
  listKeys: string[],
  packKey: string,
): ImportRows {
  const { listSchema, packListSchema, packSchema } = schemas;
  const lists = plan.lists.map((planned, i) =>
    listSchema.parse({
      id: checked.listIds[i],
      name: planned.name,
      notes: '',
      color: null,
      sortKey: listKeys[i],
      deleted: false,
    }),
  );
  const packId = newId();
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
  return { ...checked, lists, pack, packLists };
}

/** Writes the import and resolves with the new pack's id; on any error nothing is written. */
export async function applyImport(
  db: PybDatabase,
  plan: ImportPlan,
  onProgress: ImportProgress = () => {},
): Promise<string> {
  const tables = [db.items, db.lists, db.listEntries, db.packs, db.packLists];
  const schemas = await loadSchemas();
  const total = plan.newItems.length + plan.entryCount + 2 * plan.lists.length + 1;
  onProgress(0, total, 'checking');
  const checked = await checkRows(schemas, plan, (done) => onProgress(done, total, 'checking'));
  return db.transaction('rw', tables, async () => {
    const listKeys = keysAfterLast(await liveLists(db), plan.lists.length);
    const packKey = keyAfterLast((await db.packs.toArray()).sort(bySortKey));
    const rows = placeRows(schemas, plan, checked, listKeys, packKey);
    let done = 0;
    onProgress(done, total, 'saving');
    const addAll = async <T>(table: { bulkAdd(rows: T[]): Promise<unknown> }, all: T[]) => {
      for (let at = 0; at < all.length; at += BATCH) {
        const batch = all.slice(at, at + BATCH);
        await table.bulkAdd(batch);
        done += batch.length;
        onProgress(done, total, 'saving');
      }
    };
    await addAll(db.items, rows.items);
    await addAll(db.lists, rows.lists);
    await addAll(db.listEntries, rows.entries);
    await db.packs.add(rows.pack);
    await addAll(db.packLists, rows.packLists);
    onProgress(total, total, 'saving');
    return rows.pack.id;
  });
}
