// A trip's packing checklist, derived from plain rows. Two steps so the page can
// memoize them apart: the lines depend on the pack (changes rarely), the checked
// set on the trip's checks (changes on every tap).
//
// - Lines: every item of the pack's live lists, grouped by list in pack order, then
//   entry order. An item in two lists appears once, under its first list, with the
//   quantities of all its entries added (docs/architecture.md "The model").
// - Checked [docs/api.md]: a tripChecks row counts when `checked` is true and the hlc of
//   that cell (its `_hlc.checked` stamp) is greater than the trip's `checksResetAt`;
//   a null reset never happened. HLC strings sort in clock order, so `>` on strings
//   is the comparison. Resetting is then one write, however long the list.
import type { Trip, TripCheck } from '../../shared/schemas';
import { isLive } from './live-rows';
import { packContents, type PackListContents, type PackSource } from './pack-totals';

export interface ChecklistLine {
  itemId: string;
  name: string;
  qty: number;
}

export interface ChecklistGroup {
  listId: string;
  name: string;
  color: number | null;
  lines: ChecklistLine[];
}

/** A tripChecks row as stored locally: the middleware keeps each field's hlc in `_hlc`. */
export type StoredCheck = TripCheck & { _hlc?: Readonly<Record<string, string>> };

export interface Progress {
  packed: number;
  total: number;
}

export function checklistGroups(contents: readonly PackListContents[]): ChecklistGroup[] {
  const seen = new Map<string, ChecklistLine>();
  const groups: ChecklistGroup[] = [];
  for (const { list, entries } of contents) {
    const lines: ChecklistLine[] = [];
    for (const { entry, item } of entries) {
      const earlier = seen.get(item.id);
      if (earlier) {
        earlier.qty += entry.qty;
        continue;
      }
      const line = { itemId: item.id, name: item.name, qty: entry.qty };
      seen.set(item.id, line);
      lines.push(line);
    }
    // A list whose items all sit in earlier lists shows no empty heading.
    if (lines.length > 0)
      groups.push({ listId: list.id, name: list.name, color: list.color, lines });
  }
  return groups;
}

/** Whether one check counts on a trip whose checklist was last reset at `resetAt`. */
export function isCheckCurrent(check: StoredCheck, resetAt: string | null): boolean {
  if (!isLive(check) || !check.checked) return false;
  if (resetAt === null) return true;
  // A check without a stamp (never written through the middleware) predates any reset.
  return (check._hlc?.['checked'] ?? '') > resetAt;
}

/** The ids of the items checked on `trip`, from that trip's checks. */
export function checkedItemIds(
  trip: Pick<Trip, 'id' | 'checksResetAt'>,
  checks: readonly StoredCheck[],
): Set<string> {
  const checked = new Set<string>();
  for (const check of checks) {
    if (check.tripId === trip.id && isCheckCurrent(check, trip.checksResetAt))
      checked.add(check.itemId);
  }
  return checked;
}

/** Lines checked out of all lines; each item counts once, whatever its quantity. */
export function checklistProgress(
  groups: readonly ChecklistGroup[],
  checked: ReadonlySet<string>,
): Progress {
  let packed = 0;
  let total = 0;
  for (const group of groups) {
    for (const line of group.lines) {
      total += 1;
      if (checked.has(line.itemId)) packed += 1;
    }
  }
  return { packed, total };
}

export interface Checklist extends Progress {
  groups: ChecklistGroup[];
  checked: Set<string>;
}

/**
 * The whole checklist of a trip in one call, or null when the trip is deleted or
 * missing. A trip without a live pack has an empty checklist.
 */
export function buildChecklist(
  trip: Trip | undefined,
  source: PackSource,
  checks: readonly StoredCheck[],
): Checklist | null {
  if (!isLive(trip)) return null;
  const pack = source.pack?.id === trip.packId ? source.pack : undefined;
  const groups = checklistGroups(packContents({ ...source, pack }));
  const checked = checkedItemIds(trip, checks);
  return { groups, checked, ...checklistProgress(groups, checked) };
}
