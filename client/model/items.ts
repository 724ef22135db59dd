// Writes and live queries of the gear library (items). Every row written is a whole,
// schema-valid row of docs/api.md: texts are trimmed here and the result is checked with the
// shared schema, so a bug upstream fails loudly instead of syncing a bad cell. Deleting
// is a soft delete (the HLC middleware refuses hard deletes); restore is the undo.
import type { Item } from '../../shared/schemas';
import type { PybDatabase } from '../db/db';
import { isLive } from '../domain/live-rows';
import { liveInOrder } from '../domain/sort-order';
import { newId } from './ids';
import { loadSchemas, type Schemas } from './schemas';

export { InvalidRowError } from './invalid-row';

/** The fields a caller sets; the rest take the defaults of a new item. */
export type ItemInput = Pick<Item, 'name' | 'weightGrams'> &
  Partial<Omit<Item, 'id' | 'deleted' | 'name' | 'weightGrams'>>;

export type ItemChanges = Partial<Omit<Item, 'id'>>;

/** A list an item is used in, for the "in lists" links of the library. */
export interface ListRef {
  id: string;
  name: string;
}

export interface ItemLibrary {
  items: Item[];
  /** Live lists each item is used in (by item id), in list order. */
  usage: ReadonlyMap<string, ListRef[]>;
  /** Every live list, in order: where the library's "Add to list" can put items. */
  lists: ListRef[];
}

const TEXT_FIELDS = ['name', 'brand', 'notes', 'url'] as const;

/** Trims the text fields present in `fields`; everything else passes through. */
function trimTexts<T extends Partial<Record<(typeof TEXT_FIELDS)[number], unknown>>>(fields: T): T {
  const out = { ...fields };
  for (const key of TEXT_FIELDS) {
    const value = out[key];
    if (typeof value === 'string') (out as Record<string, unknown>)[key] = value.trim();
  }
  return out;
}

export async function createItem(db: PybDatabase, input: ItemInput): Promise<string> {
  return addItem(db, await loadSchemas(), input);
}

/** createItem with the schemas already loaded (for callers inside a transaction). */
export async function addItem(
  db: PybDatabase,
  schemas: Schemas,
  input: ItemInput,
): Promise<string> {
  const row = newItemRow(schemas, input);
  await db.items.add(row);
  return row.id;
}

/** A whole, checked row for a new item (for writers that add many rows at once). */
export function newItemRow(
  { check, itemSchema }: Schemas,
  input: ItemInput,
  id: string = newId(),
): Item {
  const candidate: Item = trimTexts({
    brand: '',
    weightUnit: null,
    priceCents: null,
    currency: null,
    url: null,
    notes: '',
    color: null,
    status: 'owned',
    ...input,
    id,
    deleted: false,
  });
  return check(itemSchema, candidate, 'item');
}

export async function updateItem(db: PybDatabase, id: string, changes: ItemChanges): Promise<void> {
  const { check, itemChangesSchema } = await loadSchemas();
  const trimmed = trimTexts(changes);
  check(itemChangesSchema, trimmed, 'item change');
  // The schemas only check, never transform ([S3]), so the checked input is what is written.
  const updated = await db.items.update(id, trimmed);
  if (updated === 0 && !(await db.items.get(id))) throw new Error(`No item ${id}`);
}

export async function deleteItem(db: PybDatabase, id: string): Promise<void> {
  await db.items.update(id, { deleted: true });
}

export async function restoreItem(db: PybDatabase, id: string): Promise<void> {
  await db.items.update(id, { deleted: false });
}

/** Soft-deletes several items in one transaction (the library's bulk delete). */
export async function deleteItems(db: PybDatabase, ids: readonly string[]): Promise<void> {
  await setDeleted(db, ids, true);
}

/** Undo of deleteItems: all of them come back in one transaction. */
export async function restoreItems(db: PybDatabase, ids: readonly string[]): Promise<void> {
  await setDeleted(db, ids, false);
}

function setDeleted(db: PybDatabase, ids: readonly string[], deleted: boolean): Promise<void> {
  return db.transaction('rw', db.items, async () => {
    await db.items.bulkUpdate(ids.map((key) => ({ key, changes: { deleted } })));
  });
}

export interface ItemStatusChange {
  id: string;
  status: Item['status'];
}

/**
 * Sets the status of several items in one transaction and returns what they had before,
 * so undo is the same call with the returned list. Unknown ids are skipped.
 */
export async function setItemStatuses(
  db: PybDatabase,
  changes: readonly ItemStatusChange[],
): Promise<ItemStatusChange[]> {
  const { check, itemChangesSchema } = await loadSchemas();
  for (const { status } of changes) check(itemChangesSchema, { status }, 'item change');
  return db.transaction('rw', db.items, async () => {
    const rows = await db.items.bulkGet(changes.map(({ id }) => id));
    const before: ItemStatusChange[] = [];
    const updates: { key: string; changes: Pick<Item, 'status'> }[] = [];
    changes.forEach(({ id, status }, i) => {
      const row = rows[i];
      if (!row) return;
      before.push({ id, status: row.status });
      if (row.status !== status) updates.push({ key: id, changes: { status } });
    });
    await db.items.bulkUpdate(updates);
    return before;
  });
}

/** The live items, by name (case- and accent-insensitive). */
export async function liveItems(db: PybDatabase): Promise<Item[]> {
  const items = await db.items.toArray();
  return items.filter(isLive).sort(byName);
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
export const byName = (a: { name: string }, b: { name: string }): number =>
  collator.compare(a.name, b.name);

/** Live items plus the live lists each is used in (hidden entries and lists left out). */
export async function itemLibrary(db: PybDatabase): Promise<ItemLibrary> {
  return db.transaction('r', db.items, db.lists, db.listEntries, async () => {
    const [items, lists, entries] = await Promise.all([
      liveItems(db),
      db.lists.toArray(),
      db.listEntries.toArray(),
    ]);
    const liveLists = liveInOrder(lists);
    const order = new Map(liveLists.map((list, i) => [list.id, i]));
    const usage = new Map<string, ListRef[]>();
    for (const entry of entries) {
      if (!isLive(entry) || !order.has(entry.listId)) continue;
      const list = liveLists[order.get(entry.listId) ?? 0];
      if (!list) continue;
      const refs = usage.get(entry.itemId) ?? [];
      refs.push({ id: list.id, name: list.name });
      usage.set(entry.itemId, refs);
    }
    for (const refs of usage.values()) {
      refs.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    }
    return { items, usage, lists: liveLists.map(({ id, name }) => ({ id, name })) };
  });
}
