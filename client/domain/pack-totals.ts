// What a pack holds and what it weighs, derived from plain rows (no Dexie here, so
// it is tested without a database). The rows come from sync, which has no foreign
// keys, so visibility is decided here (docs/api.md): a deleted pack holds nothing; a
// packList, list, entry or item that is deleted, missing or whose parent is gone is
// skipped. Order is the pack's list order, then each list's entry order, both by
// fractional sort key with the id as tie-break.
import type { Item, List, ListEntry, Pack, PackList } from '../../shared/schemas';
import { addTotals, computeTotals, ZERO_TOTALS, type Totals } from '../../shared/weight';
import { bySortKey } from './sort-order';
import { isLive, liveById } from './live-rows';

/** The rows that make up one pack; extra rows (other packs' lists, etc.) are ignored. */
export interface PackSource {
  pack: Pack | undefined;
  packLists: readonly PackList[];
  lists: readonly List[];
  entries: readonly ListEntry[];
  items: readonly Item[];
}

export interface PackEntry {
  entry: ListEntry;
  item: Item;
}

export interface PackListContents {
  packList: PackList;
  list: List;
  entries: PackEntry[];
}

export interface ListWeight {
  listId: string;
  name: string;
  color: number | null;
  totals: Totals;
}

export interface PackTotals {
  lists: ListWeight[];
  totals: Totals;
}

/** The live lists of a live pack, in pack order, each with its live entries in order. */
export function packContents(source: PackSource): PackListContents[] {
  const { pack } = source;
  if (!isLive(pack)) return [];
  const lists = liveById(source.lists);
  const items = liveById(source.items);
  const entriesByList = new Map<string, PackEntry[]>();
  for (const entry of [...source.entries].sort(bySortKey)) {
    const item = items.get(entry.itemId);
    if (!isLive(entry) || !item) continue;
    const bucket = entriesByList.get(entry.listId);
    if (bucket) bucket.push({ entry, item });
    else entriesByList.set(entry.listId, [{ entry, item }]);
  }
  const contents: PackListContents[] = [];
  for (const packList of [...source.packLists].sort(bySortKey)) {
    const list = lists.get(packList.listId);
    if (!isLive(packList) || packList.packId !== pack.id || !list) continue;
    contents.push({ packList, list, entries: entriesByList.get(list.id) ?? [] });
  }
  return contents;
}

function packListTotals(entries: readonly PackEntry[]): Totals {
  return computeTotals(
    entries.map(({ entry, item }) => ({
      weightGrams: item.weightGrams,
      qty: entry.qty,
      wornQty: entry.wornQty,
      consumable: entry.consumable,
    })),
  );
}

/** Per-list totals in pack order, and the pack's totals (their sum). */
export function packTotals(contents: readonly PackListContents[]): PackTotals {
  const lists = contents.map(({ list, entries }) => ({
    listId: list.id,
    name: list.name,
    color: list.color,
    totals: packListTotals(entries),
  }));
  const totals = lists.reduce<Totals>((sum, list) => addTotals(sum, list.totals), ZERO_TOTALS);
  return { lists, totals };
}
