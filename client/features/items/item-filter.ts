// Search, status filter and sort of the library, as one pure function the page runs on
// every keystroke. Matching ignores case and accents ("therm" finds "Therm-a-Rest",
// "cafe" finds "Café"), over the name and the brand.
import type { Item } from '../../../shared/schemas';

export type ItemSort = 'name' | 'brand' | 'weight-asc' | 'weight-desc';
export type StatusFilter = Item['status'] | 'all';

export interface ItemQuery {
  search: string;
  status: StatusFilter;
  sort: ItemSort;
}

/** How the library compares text: ignoring case and accents, numbers by value ("Tent 2" < "Tent 10"). */
export const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Lower case without accents, for matching. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Every word of the search appears in the name or the brand. */
export function matchesSearch(item: Pick<Item, 'name' | 'brand'>, search: string): boolean {
  const words = fold(search).split(/\s+/).filter(Boolean);
  const haystack = fold(`${item.name} ${item.brand}`);
  return words.every((word) => haystack.includes(word));
}

const byName = (a: Item, b: Item) => collator.compare(a.name, b.name);

const COMPARE: Record<ItemSort, (a: Item, b: Item) => number> = {
  name: byName,
  // Items without a brand go last, not first.
  brand: (a, b) =>
    (a.brand === '' ? 1 : 0) - (b.brand === '' ? 1 : 0) ||
    collator.compare(a.brand, b.brand) ||
    byName(a, b),
  'weight-asc': (a, b) => a.weightGrams - b.weightGrams || byName(a, b),
  'weight-desc': (a, b) => b.weightGrams - a.weightGrams || byName(a, b),
};

export function filterItems(items: readonly Item[], query: ItemQuery): Item[] {
  return items
    .filter((item) => query.status === 'all' || item.status === query.status)
    .filter((item) => matchesSearch(item, query.search))
    .sort(COMPARE[query.sort]);
}
