// Ids and sort keys for new rows. Entity ids are UUIDv7 (time-ordered, so rows
// made on one device sort by creation); join rows use the deterministic
// `<parent>:<child>` ids of docs/api.md so two devices adding the same item to the
// same list write one row, not two. Sort keys are fractional-index strings: a
// move rewrites one row's key, never its neighbours'.
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { uuidv7 } from 'uuidv7';

export { joinId } from '../../shared/schemas';

export const newId = (): string => uuidv7();

interface Sortable {
  id: string;
  sortKey: string;
}

/** Orders by sort key, with the id as tie-break (two devices may pick the same key). */
export function bySortKey(a: Sortable, b: Sortable): number {
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A key after every row of `sorted` (sorted with bySortKey). */
export function keyAfterLast(sorted: readonly Sortable[]): string {
  return generateKeyBetween(sorted.at(-1)?.sortKey ?? null, null);
}

/** `count` keys after every row of `sorted`, for adding several rows at once. */
export function keysAfterLast(sorted: readonly Sortable[], count: number): string[] {
  return generateNKeysBetween(sorted.at(-1)?.sortKey ?? null, null, count);
}

/**
 * The key that puts the row at `from` into position `to` of `sorted` (both
 * indexes into `sorted`), for drag and drop and for keyboard moves.
 */
export function keyForMove(sorted: readonly Sortable[], from: number, to: number): string {
  const others = sorted.filter((_, i) => i !== from);
  const before = others[to - 1]?.sortKey ?? null;
  const after = others[to]?.sortKey ?? null;
  // Equal neighbours (a tie from two devices) leave no key strictly between them.
  if (before !== null && after !== null && before >= after) return generateKeyBetween(before, null);
  return generateKeyBetween(before, after);
}
