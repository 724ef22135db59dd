// Writes and reads of packs and of the lists they combine (packLists). Every write is
// one Dexie transaction, durable before the UI shows it; the hlc middleware stamps it.
// Nothing is removed outright: deleting writes `deleted: true`, so undo is one more
// write and a deletion made offline merges like any other change.
import type { Pack, PackList } from '../../shared/schemas';
import type { PybDatabase } from '../db/db';
import { isLive } from '../domain/live-rows';
import type { PackSource } from '../domain/pack-totals';
import { bySortKey, liveInOrder } from '../domain/sort-order';
import { joinId, keyAfterLast, keyForMove, newId } from './ids';
import { loadSchemas } from './schemas';

export type PackChanges = Partial<Pick<Pack, 'name' | 'notes' | 'color'>>;

export async function createPack(db: PybDatabase, input: { name: string }): Promise<string> {
  const id = newId();
  const { packSchema } = await loadSchemas();
  await db.transaction('rw', db.packs, async () => {
    const packs = (await db.packs.toArray()).sort(bySortKey);
    const row = packSchema.parse({
      id,
      name: input.name.trim(),
      notes: '',
      color: null,
      sortKey: keyAfterLast(packs),
      deleted: false,
    });
    await db.packs.add(row);
  });
  return id;
}

/** Live packs in their order, for navigation and the trip's pack picker. */
export async function livePacks(db: PybDatabase): Promise<Pack[]> {
  return liveInOrder(await db.packs.toArray());
}

/** Texts are trimmed; anything out of docs/api.md's limits throws (a zod error) and writes nothing. */
export async function updatePack(db: PybDatabase, id: string, changes: PackChanges): Promise<void> {
  const { packFields } = await loadSchemas();
  const clean: PackChanges = { ...changes };
  if (clean.name !== undefined) clean.name = packFields.name.parse(clean.name.trim());
  if (clean.notes !== undefined) clean.notes = packFields.notes.parse(clean.notes.trim());
  if (clean.color !== undefined) clean.color = packFields.color.parse(clean.color);
  const updated = await db.packs.update(id, clean);
  if (updated === 0) throw new Error(`No pack ${id}`);
}

export async function deletePack(db: PybDatabase, id: string): Promise<void> {
  await db.packs.update(id, { deleted: true });
}

export async function restorePack(db: PybDatabase, id: string): Promise<void> {
  await db.packs.update(id, { deleted: false });
}

async function livePackLists(db: PybDatabase, packId: string): Promise<PackList[]> {
  return liveInOrder(await db.packLists.where('packId').equals(packId).toArray());
}

/**
 * Puts a list at the end of a pack. The join id is deterministic, so a list removed
 * earlier is revived (same row) rather than added twice; one already in stays put.
 */
export async function addListToPack(
  db: PybDatabase,
  packId: string,
  listId: string,
): Promise<string> {
  const id = joinId(packId, listId);
  const { packListSchema } = await loadSchemas();
  await db.transaction('rw', db.packLists, async () => {
    const existing = await db.packLists.get(id);
    if (isLive(existing)) return;
    const sortKey = keyAfterLast(await livePackLists(db, packId));
    await db.packLists.put(packListSchema.parse({ id, packId, listId, sortKey, deleted: false }));
  });
  return id;
}

export async function removeListFromPack(
  db: PybDatabase,
  packId: string,
  listId: string,
): Promise<void> {
  await db.packLists.update(joinId(packId, listId), { deleted: true });
}

/** Undo of removeListFromPack: back where it was (addListToPack would append it). */
export async function restoreListToPack(
  db: PybDatabase,
  packId: string,
  listId: string,
): Promise<void> {
  await db.packLists.update(joinId(packId, listId), { deleted: false });
}

/** Moves a list to position `to` among the pack's live lists; rewrites one sort key. */
export async function movePackList(
  db: PybDatabase,
  packId: string,
  listId: string,
  to: number,
): Promise<void> {
  await db.transaction('rw', db.packLists, async () => {
    const rows = await livePackLists(db, packId);
    const from = rows.findIndex((row) => row.listId === listId);
    const target = Math.max(0, Math.min(rows.length - 1, to));
    if (from < 0 || from === target) return;
    await db.packLists.update(joinId(packId, listId), {
      sortKey: keyForMove(rows, from, target),
    });
  });
}

/** Every row the pack page and a trip's checklist derive from (see domain/pack-totals). */
export async function loadPackSource(db: PybDatabase, packId: string | null): Promise<PackSource> {
  const pack = packId === null ? undefined : await db.packs.get(packId);
  if (!pack || packId === null) return { pack, packLists: [], lists: [], entries: [], items: [] };
  const packLists = await db.packLists.where('packId').equals(packId).toArray();
  const listIds = packLists.filter(isLive).map((row) => row.listId);
  const [lists, entries] = await Promise.all([
    db.lists.bulkGet(listIds),
    db.listEntries.where('listId').anyOf(listIds).toArray(),
  ]);
  const itemIds = [...new Set(entries.filter(isLive).map((entry) => entry.itemId))];
  const items = await db.items.bulkGet(itemIds);
  return {
    pack,
    packLists,
    lists: lists.filter((row) => row !== undefined),
    entries,
    items: items.filter((row) => row !== undefined),
  };
}
