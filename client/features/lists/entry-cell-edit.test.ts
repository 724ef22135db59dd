import { describe, expect, it } from 'vitest';
import { SAMPLE_ROWS } from '../../../shared/test-support/sample-rows';
import type { EntryView } from '../../model/lists';
import { entryCellEdit, type EntryColumn } from './entry-cell-edit';

const view: EntryView = {
  item: {
    ...SAMPLE_ROWS.items,
    brand: 'Big Agnes',
    weightUnit: 'g',
    priceCents: 39900,
    currency: 'EUR',
  },
  entry: SAMPLE_ROWS.listEntries,
};

describe('entryCellEdit', () => {
  it.each<[EntryColumn, string, object]>([
    ['name', ' Tarp ', { item: { name: 'Tarp' }, before: { item: { name: 'Tent' } } }],
    ['brand', 'Zpacks', { item: { brand: 'Zpacks' } }],
    ['weight', '1300', { item: { weightGrams: 1300 }, before: { item: { weightGrams: 1200 } } }],
    ['weight', '1,5 kg', { item: { weightGrams: 1500, weightUnit: 'kg' } }],
    ['unit', 'oz', { item: { weightUnit: 'oz' }, before: { item: { weightUnit: 'g' } } }],
    ['qty', '3', { entry: { qty: 3 }, before: { entry: { qty: 2, wornQty: 1 } } }],
    ['price', '€12.50', { item: { priceCents: 1250, currency: 'EUR' } }],
    ['price', '12', { item: { priceCents: 1200, currency: 'EUR' } }],
    ['price', '', { item: { priceCents: null, currency: null } }],
  ])('%s ← %j', (column, text, change) => {
    const edit = entryCellEdit(view, column, text, 'g');
    expect(edit.ok && edit.change).toMatchObject(change);
  });

  it.each<[EntryColumn, string, string]>([
    ['name', '  ', 'Give the item a name.'],
    ['weight', 'abc', 'Weight is not a number: “abc”.'],
    ['weight', '-5', 'Weight cannot be negative: “-5”.'],
    ['weight', '2000 kg', 'That is more than the 1000 kg an item can weigh.'],
    ['weight', '', 'Enter the weight, such as 850, 1.2 kg or 4 oz.'],
    ['qty', '-1', 'Quantity cannot be negative: “-1”.'],
    ['qty', '1.5', 'Quantity is not a whole number: “1.5”.'],
    ['unit', 'stone', 'Choose g, kg, oz or lb.'],
    ['price', 'free', 'Price is not a number: “free”.'],
  ])('%s refuses %j', (column, text, message) => {
    expect(entryCellEdit(view, column, text, 'g')).toEqual({ ok: false, message });
  });
});
