// Words for the question asked when signing in on a device that already holds data
// (auth/sign-in.ts): what is there, in the user's terms ("3 items, 1 list and your
// settings"), not table names. Pure, so it is tested.
import type { TableCounts } from '../../model/guest-data';

const NOUNS: readonly [keyof TableCounts, string, string][] = [
  ['items', 'item', 'items'],
  ['lists', 'list', 'lists'],
  ['packs', 'pack', 'packs'],
  ['trips', 'trip', 'trips'],
  ['tripChecks', 'checklist tick', 'checklist ticks'],
];

/** "a, b and c". */
export function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** The user's own rows by kind; entries of lists and packs go with their lists and packs. */
export function describeCounts(own: TableCounts): string {
  const parts = NOUNS.flatMap(([table, one, many]) => {
    const count = own[table];
    return count > 0 ? [`${count} ${count === 1 ? one : many}`] : [];
  });
  if (own.settings > 0) parts.push('your settings');
  if (parts.length === 0) return 'some changes';
  return joinAnd(parts);
}

export function describeUnsynced(count: number): string {
  if (count === 0) return '';
  return `${count} change${count === 1 ? '' : 's'} not synced yet`;
}
