import { describe, expect, it } from 'vitest';
import { SAMPLE_ROWS } from '../../../shared/test-support/sample-rows';
import type { Item } from '../../../shared/schemas';
import { filterItems, matchesSearch } from './item-filter';

const item = (
  id: string,
  name: string,
  brand: string,
  weightGrams: number,
  status: Item['status'] = 'owned',
): Item => ({
  ...SAMPLE_ROWS.items,
  id,
  name,
  brand,
  weightGrams,
  status,
});

const items = [
  item('a', 'Tent', 'Big Agnes', 1200),
  item('b', 'Sleeping pad', 'Therm-a-Rest', 400),
  item('c', 'Café press', '', 200, 'wishlist'),
  item('d', 'stove', 'MSR', 80, 'retired'),
];
const ids = (list: Item[]) => list.map((i) => i.id);

describe('filterItems', () => {
  it('searches name and brand, ignoring case and accents, every word', () => {
    expect(matchesSearch(items[1] as Item, 'therm')).toBe(true);
    expect(matchesSearch(items[2] as Item, 'CAFE')).toBe(true);
    expect(matchesSearch(items[0] as Item, 'tent agnes')).toBe(true);
    expect(matchesSearch(items[0] as Item, 'tent msr')).toBe(false);
    expect(ids(filterItems(items, { search: 'msr', status: 'all', sort: 'name' }))).toEqual(['d']);
  });

  it('filters by status', () => {
    expect(ids(filterItems(items, { search: '', status: 'wishlist', sort: 'name' }))).toEqual([
      'c',
    ]);
  });

  it.each([
    ['name', ['c', 'b', 'd', 'a']],
    ['brand', ['a', 'd', 'b', 'c']],
    ['weight-asc', ['d', 'c', 'b', 'a']],
    ['weight-desc', ['a', 'b', 'c', 'd']],
  ] as const)('sorts by %s', (sort, expected) => {
    expect(ids(filterItems(items, { search: '', status: 'all', sort }))).toEqual(expected);
  });
});
