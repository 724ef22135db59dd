// The columns of the desktop library table and how each sorts. Pure, so the order is
// unit-tested; the page sorts what filterItems (search, status) let through. Ties go by
// name, so equal weights keep a stable, readable order; empty values (no brand, no
// price) go last in either direction, since "nothing" is not the cheapest.
import type { Item } from '../../../shared/schemas';
import { ITEM_STATUSES } from '../../../shared/schemas/items';
import type { ListRef } from '../../model/items';
import { collator } from './item-filter';
import type { SortDirection } from '../../ui/sort-header';

export type ItemColumn = 'name' | 'brand' | 'weight' | 'price' | 'status' | 'usedIn';

export interface ColumnSort {
  column: ItemColumn;
  direction: SortDirection;
}

/** A value to compare, or null for "empty" (sorted last). */
type Key = string | number | null;

function keyOf(item: Item, column: ItemColumn, usage: ReadonlyMap<string, ListRef[]>): Key {
  switch (column) {
    case 'name':
      return item.name;
    case 'brand':
      return item.brand === '' ? null : item.brand;
    case 'weight':
      return item.weightGrams;
    case 'price':
      return item.priceCents;
    case 'status':
      return ITEM_STATUSES.indexOf(item.status);
    case 'usedIn':
      return usage.get(item.id)?.length ?? 0;
  }
}

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

export function sortByColumn(
  items: readonly Item[],
  { column, direction }: ColumnSort,
  usage: ReadonlyMap<string, ListRef[]>,
): Item[] {
  const sign = direction === 'asc' ? 1 : -1;
  return items
    .map((item) => ({ item, key: keyOf(item, column, usage) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) {
        if (a.key !== b.key) return a.key === null ? 1 : -1;
      } else {
        const order = compareKeys(a.key, b.key);
        if (order !== 0) return sign * order;
      }
      return collator.compare(a.item.name, b.item.name);
    })
    .map(({ item }) => item);
}

/** A click on a header: the same column flips its direction, another starts ascending. */
export function nextSort(current: ColumnSort, column: ItemColumn): ColumnSort {
  if (current.column !== column) return { column, direction: 'asc' };
  return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}
