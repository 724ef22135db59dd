// The one sort order of lists, packs, pack lists and list entries: the fractional sort
// key (model/ids.ts makes the keys), with the id as tie-break, since two devices may
// pick the same key offline. Pure, so totals and checklists order rows the same way
// the pages do.
import { isLive } from './live-rows';

export interface Sortable {
  id: string;
  sortKey: string;
}

/** Orders by sort key, with the id as tie-break (two devices may pick the same key). */
export function bySortKey(a: Sortable, b: Sortable): number {
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The live rows of `rows` in their sort order: what a page lists. */
export function liveInOrder<T extends Sortable & { deleted: boolean }>(rows: Iterable<T>): T[] {
  return [...rows].filter(isLive).sort(bySortKey);
}
