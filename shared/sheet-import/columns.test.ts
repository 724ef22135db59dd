import { describe, expect, it } from 'vitest';
import { fieldOfHeader, looksLikeHeader, mappingFromHeader, mappingFromValues } from './columns';

describe('fieldOfHeader', () => {
  it.each([
    ['Name', 'name'],
    ['Item', 'name'],
    ['Item Name', 'name'],
    ['Description', 'description'],
    ['Brand', 'description'],
    ['Weight (g)', 'weight'],
    ['WEIGHT', 'weight'],
    ['Unit', 'unit'],
    ['Qty', 'qty'],
    ['Qty.', 'qty'],
    ['Quantity', 'qty'],
    ['Worn', 'worn'],
    ['Consumable', 'consumable'],
    ['Price', 'price'],
    ['Category', 'category'],
    ['Colour', null],
  ])('%j → %s', (text, field) => {
    expect(fieldOfHeader(text)).toBe(field);
  });
});

describe('header rows', () => {
  it('maps each field once, the first column naming it wins', () => {
    expect(mappingFromHeader(['Item', 'Name', 'Weight', 'Notes'])).toEqual([
      'name',
      null,
      'weight',
      null,
    ]);
  });
  it.each([
    [['Name', 'Weight'], true],
    [['Item', 'Tent'], true],
    [['Tent', '1200 g'], false],
    [['Name', '1200'], false],
    [['Tent', 'Big Agnes'], false],
  ])('%j is a header: %s', (row, header) => {
    expect(looksLikeHeader(row)).toBe(header);
  });
});

describe('mappingFromValues', () => {
  it.each([
    {
      title: 'a number with a unit beside it is the weight',
      rows: [
        ['Tent', 'Big Agnes', '1200', 'g', '1'],
        ['Stakes', 'MSR', '14', 'g', '8'],
      ],
      mapping: ['name', 'description', 'weight', 'unit', 'qty'],
    },
    {
      title: 'weights with units in the cell',
      rows: [
        ['Quilt', '680 g', 'x'],
        ['Stove', '4.2 oz', ''],
        ['Fuel', '230 g', ''],
      ],
      mapping: ['name', 'weight', 'worn'],
    },
    {
      title: 'flags named by their words, prices by their sign',
      rows: [
        ['Food', '500', 'consumable', '', '$12.00'],
        ['Jacket', '300', '', 'worn', '$99.00'],
      ],
      mapping: ['name', 'weight', 'consumable', 'worn', 'price'],
    },
    {
      title: 'a bad row does not hide the weight; only 0s and 1s is a flag',
      rows: [
        ['Tent', '1,2 kg', '1', '0'],
        ['Quilt', '4.2 oz', '1', '1'],
        ['Stakes', '12 g', '8', '0'],
        ['Rock', 'heavy', '1', '0'],
      ],
      mapping: ['name', 'weight', 'qty', 'worn'],
    },
    {
      title: 'a second bare number after the weight is the price',
      rows: [
        ['Tent', '1200.5', '399.99', 'Shelter'],
        ['Pad', '410.2', '89.5', 'Sleep'],
      ],
      mapping: ['name', 'weight', 'price', 'description'],
    },
  ])('$title', ({ rows, mapping }) => {
    expect(mappingFromValues(rows)).toEqual(mapping);
  });
});
