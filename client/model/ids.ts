// Ids and sort keys for new rows. Entity ids are UUIDv7 (time-ordered, so rows
// made on one device sort by creation); join rows use the deterministic
// `<parent>:<child>` ids of docs/api.md so two devices adding the same item to the
// same list write one row, not two. Sort keys are fractional-index strings: a
// move rewrites one row's key, never its neighbours'.
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { uuidv7 } from 'uuidv7';
import type { Sortable } from '../domain/sort-order';

export { joinId } from '../../shared/schemas/constants';

export const newId = (): string => uuidv7();

/** A key after every row of `sorted` (sorted with bySortKey, domain/sort-order.ts). */
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
  return keyAt(
    sorted.filter((_, i) => i !== from),
    to,
  );
}

/**
 * The key of a row coming in from elsewhere at position `to` of `sorted` (an entry
 * dragged over from another list); `to` past the end puts it last.
 */
export function keyAt(sorted: readonly Sortable[], to: number): string {
  const at = Math.max(0, Math.min(to, sorted.length));
  const before = sorted[at - 1]?.sortKey ?? null;
  const after = sorted[at]?.sortKey ?? null;
  // Equal neighbours (a tie from two devices) leave no key strictly between them.
  if (before !== null && after !== null && before >= after) return generateKeyBetween(before, null);
  return generateKeyBetween(before, after);
}
