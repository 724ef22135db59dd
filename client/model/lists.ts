// Writes and live queries of lists and their entries (docs/api.md "Tables and fields").
// Invariants kept here:
// - an entry's id is joinId(listId, itemId), so two devices adding the same item to the
//   same list write one row, and re-adding a removed item revives that row;
// - nothing is hard-deleted: a list, an entry or an item is hidden by `deleted: true`,
//   and a list whose item or list is deleted or missing shows none of it (live-rows.ts);
// - order is the fractional sort key (ids.ts makes keys, domain/sort-order.ts orders),
//   so a move rewrites one row only.
import type { Item, List, ListEntry } from '../../shared/schemas';
import { NAME_MAX } from '../../shared/schemas/constants';
import type { PybDatabase } from '../db/db';
import { isLive } from '../domain/live-rows';
import { bySortKey, liveInOrder } from '../domain/sort-order';
import { joinId, keyAfterLast, keyAt, keyForMove, keysAfterLast, newId } from './ids';
import { addItem } from './items';
import type { ItemInput } from './items';
import { loadSchemas, type Schemas } from './schemas';

export type ListChanges = Partial<Pick<List, 'name' | 'notes' | 'color'>>;
export type EntryChanges = Partial<Pick<ListEntry, 'qty' | 'wornQty' | 'consumable'>>;

export interface EntryView {
  entry: ListEntry;
  item: Item;
}

export interface ListView {
  list: List;
  /** Visible entries (live, with a live item), in sort order. */
  entries: EntryView[];
}

const COPY_SUFFIX = ' (copy)';

/** Live lists in their order, for navigation and pickers. */
export async function liveLists(db: PybDatabase): Promise<List[]> {
  return liveInOrder(await db.lists.toArray());
}

export async function createList(db: PybDatabase, input: { name: string }): Promise<string> {
  const { check, listSchema } = await loadSchemas();
  return db.transaction('rw', db.lists, async () => {
    const id = newId();
    const sortKey = keyAfterLast(await liveLists(db));
    const row = { id, name: input.name.trim(), notes: '', color: null, sortKey, deleted: false };
    await db.lists.add(check(listSchema, row, 'list'));
    return id;
  });
}

export async function updateList(db: PybDatabase, id: string, changes: ListChanges): Promise<void> {
  const { check, listChangesSchema } = await loadSchemas();
  const trimmed = { ...changes };
  if (trimmed.name !== undefined) trimmed.name = trimmed.name.trim();
  if (trimmed.notes !== undefined) trimmed.notes = trimmed.notes.trim();
  check(listChangesSchema, trimmed, 'list change');
  await db.lists.update(id, trimmed);
}

export async function deleteList(db: PybDatabase, id: string): Promise<void> {
  await db.lists.update(id, { deleted: true });
}

export async function restoreList(db: PybDatabase, id: string): Promise<void> {
  await db.lists.update(id, { deleted: false });
}

/** The entries of a list a user sees: live, with a live item, in sort order. */
async function visibleEntries(db: PybDatabase, listId: string): Promise<EntryView[]> {
  const entries = (await db.listEntries.where('listId').equals(listId).toArray()).filter(isLive);
  const items = await db.items.bulkGet(entries.map((entry) => entry.itemId));
  const views: EntryView[] = [];
  entries.forEach((entry, i) => {
    const item = items[i];
    if (isLive(item)) views.push({ entry, item });
  });
  return views.sort((a, b) => bySortKey(a.entry, b.entry));
}

/** A live list with its visible entries, or null when it is missing or deleted. */
export async function listWithEntries(db: PybDatabase, listId: string): Promise<ListView | null> {
  return db.transaction('r', db.lists, db.listEntries, db.items, async () => {
    const list = await db.lists.get(listId);
    if (!isLive(list)) return null;
    return { list, entries: await visibleEntries(db, listId) };
  });
}

/** A copy with its own id and entries (same items, quantities and order). */
export async function duplicateList(db: PybDatabase, listId: string): Promise<string> {
  const { check, listSchema, listEntrySchema } = await loadSchemas();
  return db.transaction('rw', db.lists, db.listEntries, db.items, async () => {
    const source = await db.lists.get(listId);
    if (!isLive(source)) throw new Error(`No list ${listId} to duplicate`);
    const id = newId();
    const copy: List = {
      id,
      name: copyName(source.name),
      notes: source.notes,
      color: source.color,
      sortKey: keyAfterLast(await liveLists(db)),
      deleted: false,
    };
    await db.lists.add(check(listSchema, copy, 'list'));
    const entries = (await visibleEntries(db, listId)).map(({ entry }) => ({
      id: joinId(id, entry.itemId),
      listId: id,
      itemId: entry.itemId,
      qty: entry.qty,
      wornQty: entry.wornQty,
      consumable: entry.consumable,
      sortKey: entry.sortKey,
      deleted: false,
    }));
    await db.listEntries.bulkAdd(entries.map((row) => check(listEntrySchema, row, 'entry')));
    return id;
  });
}

/** "Kitchen (copy)", cut to the 200-character limit without splitting a character. */
export function copyName(name: string): string {
  let base = name.slice(0, NAME_MAX - COPY_SUFFIX.length);
  if (/[\uD800-\uDBFF]$/.test(base)) base = base.slice(0, -1);
  return `${base}${COPY_SUFFIX}`;
}

/**
 * Puts an item at the end of a list with qty 1, or revives the entry the user removed
 * earlier (keeping its quantities). Adding an item already there changes nothing.
 * Returns the entry id.
 */
export async function addItemToList(
  db: PybDatabase,
  listId: string,
  itemId: string,
): Promise<string> {
  return addEntry(db, await loadSchemas(), listId, itemId);
}

/** addItemToList with the schemas already loaded (for callers inside a transaction). */
async function addEntry(
  db: PybDatabase,
  schemas: Schemas,
  listId: string,
  itemId: string,
): Promise<string> {
  await addEntries(db, schemas, listId, [itemId]);
  return joinId(listId, itemId);
}

/**
 * Puts several items at the end of a list in one transaction (the library's bulk "Add to
 * list"), in the order given; each one behaves as in addItemToList. Returns how many were
 * not in the list before.
 */
export async function addItemsToList(
  db: PybDatabase,
  listId: string,
  itemIds: readonly string[],
): Promise<number> {
  const schemas = await loadSchemas();
  return db.transaction('rw', db.lists, db.listEntries, db.items, async () => {
    if (!isLive(await db.lists.get(listId))) throw new Error(`No list ${listId}`);
    return addEntries(db, schemas, listId, itemIds);
  });
}

function addEntries(
  db: PybDatabase,
  { check, listEntrySchema }: Schemas,
  listId: string,
  itemIds: readonly string[],
): Promise<number> {
  return db.transaction('rw', db.lists, db.listEntries, db.items, async () => {
    const ids = [...new Set(itemIds)].map((itemId) => ({ itemId, id: joinId(listId, itemId) }));
    const existing = await db.listEntries.bulkGet(ids.map(({ id }) => id));
    const missing = ids
      .map((entry, i) => ({ ...entry, stored: existing[i] }))
      .filter(({ stored }) => !isLive(stored));
    const keys = await keysAtEnd(db, listId, missing.length);
    // A removed entry comes back with its counts; a new one starts at one, not worn.
    const revived: { key: string; changes: { deleted: false; sortKey: string } }[] = [];
    const added: ListEntry[] = [];
    missing.forEach(({ id, itemId, stored }, i) => {
      const sortKey = keys[i] as string; // keysAfterLast gives one key per missing entry
      if (stored) revived.push({ key: id, changes: { deleted: false, sortKey } });
      else {
        const row = { id, listId, itemId, qty: 1, wornQty: 0, consumable: false, sortKey };
        added.push(check(listEntrySchema, { ...row, deleted: false }, 'entry'));
      }
    });
    await db.listEntries.bulkUpdate(revived);
    await db.listEntries.bulkAdd(added);
    return missing.length;
  });
}

/** Creates an item and adds it to the list in one transaction (the inline "new item"). */
/** `count` sort keys after the list's last live entry, in order (run inside a transaction). */
export async function keysAtEnd(db: PybDatabase, listId: string, count: number): Promise<string[]> {
  const siblings = liveInOrder(await db.listEntries.where('listId').equals(listId).toArray());
  return keysAfterLast(siblings, count);
}

export async function createItemInList(
  db: PybDatabase,
  listId: string,
  input: ItemInput,
): Promise<string> {
  // Loaded before the transaction: awaiting a dynamic import inside it would commit it.
  const schemas = await loadSchemas();
  return db.transaction('rw', db.lists, db.listEntries, db.items, async () => {
    const itemId = await addItem(db, schemas, input);
    await addEntry(db, schemas, listId, itemId);
    return itemId;
  });
}

/** Changes qty, wornQty or consumable; lowering qty below wornQty lowers wornQty with it. */
export async function updateEntry(
  db: PybDatabase,
  entryId: string,
  changes: EntryChanges,
): Promise<void> {
  const { check, entryChangesSchema } = await loadSchemas();
  check(entryChangesSchema, changes, 'entry change');
  const valid = changes;
  await db.transaction('rw', db.listEntries, async () => {
    const entry = await db.listEntries.get(entryId);
    if (!entry) throw new Error(`No list entry ${entryId}`);
    // Only a change to either count tidies wornQty; an imported wornQty > qty is
    // otherwise left alone (totals count min(wornQty, qty) anyway).
    const counts = valid.qty !== undefined || valid.wornQty !== undefined;
    const wornQty = Math.min(valid.wornQty ?? entry.wornQty, valid.qty ?? entry.qty);
    await db.listEntries.update(entryId, counts ? { ...valid, wornQty } : valid);
  });
}

/**
 * Marks all of an entry's units worn, or none (the grid's yes/no). The quantity is read in
 * the transaction, after any earlier write of it, never taken from a view that may be stale.
 */
export async function setEntryWorn(db: PybDatabase, entryId: string, worn: boolean): Promise<void> {
  await db.transaction('rw', db.listEntries, async () => {
    const entry = await db.listEntries.get(entryId);
    if (!entry) throw new Error(`No list entry ${entryId}`);
    await db.listEntries.update(entryId, { wornQty: worn ? entry.qty : 0 });
  });
}

export async function removeEntry(db: PybDatabase, entryId: string): Promise<void> {
  await db.listEntries.update(entryId, { deleted: true });
}

export async function restoreEntry(db: PybDatabase, entryId: string): Promise<void> {
  await db.listEntries.update(entryId, { deleted: false });
}

/**
 * Moves an entry to position `to` among the visible entries of its list (drag and drop,
 * "Move up"/"Move down"). Only the moved row gets a new sort key.
 */
export async function moveEntry(
  db: PybDatabase,
  listId: string,
  entryId: string,
  to: number,
): Promise<void> {
  await db.transaction('rw', db.listEntries, db.items, async () => {
    const sorted = (await visibleEntries(db, listId)).map((view) => view.entry);
    const from = sorted.findIndex((entry) => entry.id === entryId);
    if (from < 0) throw new Error(`No visible entry ${entryId} in list ${listId}`);
    const target = Math.max(0, Math.min(to, sorted.length - 1));
    if (target === from) return;
    await db.listEntries.update(entryId, { sortKey: keyForMove(sorted, from, target) });
  });
}

/** The item is already in the list an entry was to move to: moving would merge two rows. */
export class EntryAlreadyThereError extends Error {
  constructor(readonly listId: string) {
    super(`The item is already in list ${listId}`);
    this.name = 'EntryAlreadyThereError';
  }
}

/** Which rows a move between lists wrote, for its undo. */
export interface EntryMove {
  /** The entry that was moved (now deleted). */
  from: string;
  /** The entry in the other list (now live). */
  to: string;
}

/**
 * Moves an entry to another list at position `to` of that list's visible entries (end if
 * left out), keeping its quantity, worn count and consumable flag. Entry ids are
 * `<listId>:<itemId>`, so a move hides the old row and writes (or revives) the row of the
 * other list, in one transaction. Throws EntryAlreadyThereError when the item is
 * already in that list (a move must not silently add two quantities together).
 */
export async function moveEntryToList(
  db: PybDatabase,
  entryId: string,
  listId: string,
  to = Number.POSITIVE_INFINITY,
): Promise<EntryMove> {
  const { check, listEntrySchema } = await loadSchemas();
  return db.transaction('rw', db.lists, db.listEntries, db.items, async () => {
    const entry = await db.listEntries.get(entryId);
    if (!isLive(entry)) throw new Error(`No live list entry ${entryId}`);
    if (entry.listId === listId) throw new Error(`Entry ${entryId} is already in list ${listId}`);
    if (!isLive(await db.lists.get(listId))) throw new Error(`No list ${listId}`);
    const id = joinId(listId, entry.itemId);
    if (isLive(await db.listEntries.get(id))) throw new EntryAlreadyThereError(listId);
    const siblings = (await visibleEntries(db, listId)).map((view) => view.entry);
    // Named field by field: the stored row also carries its `_hlc` stamps.
    const row = {
      id,
      listId,
      itemId: entry.itemId,
      qty: entry.qty,
      wornQty: entry.wornQty,
      consumable: entry.consumable,
      sortKey: keyAt(siblings, to), // keyAt clamps a position past the end
      deleted: false,
    };
    await db.listEntries.update(entryId, { deleted: true });
    await db.listEntries.put(check(listEntrySchema, row, 'entry'));
    return { from: entryId, to: id };
  });
}

/** Undo of moveEntryToList: the old row comes back where it was, the new one goes. */
export async function undoEntryMove(db: PybDatabase, move: EntryMove): Promise<void> {
  await db.transaction('rw', db.listEntries, async () => {
    await db.listEntries.update(move.to, { deleted: true });
    await db.listEntries.update(move.from, { deleted: false });
  });
}
