import { describe, expect, it } from 'vitest';
import type { Item } from '../../../shared/schemas';
import { SAMPLE_ROWS } from '../../../shared/test-support/sample-rows';
import { nextSort, sortByColumn } from './item-columns';

const item = (name: string, fields: Partial<Item> = {}): Item => ({
  ...SAMPLE_ROWS.items,
  id: name,
  name,
  ...fields,
});

const tent = item('Tent', { weightGrams: 1200, brand: 'Zpacks', priceCents: 60000 });
const mug = item('Mug', { weightGrams: 80, status: 'retired' });
const stove = item('Stove', { weightGrams: 80, brand: 'MSR', priceCents: 4990 });
const all = [tent, mug, stove];
const usage = new Map([
  ['Mug', [{ id: 'l1', name: 'Kitchen' }]],
  [
    'Stove',
    [
      { id: 'l1', name: 'Kitchen' },
      { id: 'l2', name: 'Day' },
    ],
  ],
]);
const names = (column: Parameters<typeof sortByColumn>[1]) =>
  sortByColumn(all, column, usage).map((i) => i.name);

describe('library table sort', () => {
  it('sorts by weight both ways, ties by name', () => {
    expect(names({ column: 'weight', direction: 'asc' })).toEqual(['Mug', 'Stove', 'Tent']);
    expect(names({ column: 'weight', direction: 'desc' })).toEqual(['Tent', 'Mug', 'Stove']);
  });

  it('puts empty brands and prices last in both directions', () => {
    expect(names({ column: 'brand', direction: 'asc' })).toEqual(['Stove', 'Tent', 'Mug']);
    expect(names({ column: 'brand', direction: 'desc' })).toEqual(['Tent', 'Stove', 'Mug']);
    expect(names({ column: 'price', direction: 'desc' })).toEqual(['Tent', 'Stove', 'Mug']);
  });

  it('sorts by name, status order and the number of lists', () => {
    expect(names({ column: 'name', direction: 'desc' })).toEqual(['Tent', 'Stove', 'Mug']);
    expect(names({ column: 'status', direction: 'desc' })).toEqual(['Mug', 'Stove', 'Tent']);
    expect(names({ column: 'usedIn', direction: 'desc' })).toEqual(['Stove', 'Mug', 'Tent']);
  });

  it('flips the direction on the same column and starts ascending on another', () => {
    expect(nextSort({ column: 'weight', direction: 'asc' }, 'weight')).toEqual({
      column: 'weight',
      direction: 'desc',
    });
    expect(nextSort({ column: 'weight', direction: 'desc' }, 'name')).toEqual({
      column: 'name',
      direction: 'asc',
    });
  });
});
