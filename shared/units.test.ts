import { describe, expect, it } from 'vitest';
import { GRAMS_PER_UNIT, WEIGHT_UNITS, fromGrams, isWeightUnit, toGrams } from './units';

describe('units', () => {
  it('[W1] the units are g, kg, oz and lb', () => {
    expect(WEIGHT_UNITS).toEqual(['g', 'kg', 'oz', 'lb']);
  });

  it.each([
    ['g', 1],
    ['kg', 1000],
    ['oz', 28.349523125],
    ['lb', 453.59237],
  ] as const)('[W1] 1 %s is exactly %d g, both ways', (unit, grams) => {
    expect(GRAMS_PER_UNIT[unit]).toBe(grams);
    expect(toGrams(1, unit)).toBe(grams);
    expect(fromGrams(grams, unit)).toBe(1);
  });

  it.each([
    [16, 'oz', 453.59237], // 16 oz = 1 lb exactly
    [2.5, 'kg', 2500],
    [0, 'lb', 0],
    [12.5, 'g', 12.5],
  ] as const)('[W2] toGrams(%d, %s) = %d', (value, unit, grams) => {
    expect(toGrams(value, unit)).toBe(grams);
  });

  it.each([
    [453.59237, 'oz', 16],
    [1000, 'lb', 2.2046226218487757],
    [850, 'kg', 0.85],
  ] as const)('[W2] fromGrams(%d, %s) = %d', (grams, unit, value) => {
    expect(fromGrams(grams, unit)).toBe(value);
  });

  it.each([
    ['g', true],
    ['lb', true],
    ['G', false],
    ['lbs', false],
    ['', false],
    [null, false],
    ['toString', false],
  ])('isWeightUnit(%j) is %s', (value, ok) => {
    expect(isWeightUnit(value)).toBe(ok);
  });
});
