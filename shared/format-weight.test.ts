import { describe, expect, it } from 'vitest';
import { displayDecimals, formatWeight } from './format-weight';
import type { FormatWeightOptions } from './format-weight';
import type { WeightUnit } from './units';

describe('formatWeight', () => {
  it.each<[number, WeightUnit, FormatWeightOptions, string]>([
    [850, 'g', {}, '850 g'],
    [850.4, 'g', {}, '850 g'],
    [850.5, 'g', {}, '851 g'],
    [2.5, 'g', {}, '2.5 g'],
    [2.54, 'g', {}, '2.5 g'],
    [2, 'g', {}, '2 g'],
    [2, 'g', { trimZeros: false }, '2.0 g'],
    [9.96, 'g', {}, '10 g'],
    [12345, 'g', {}, '12345 g'],
    [0, 'g', {}, '0 g'],
    [1250, 'kg', {}, '1.25 kg'],
    [1200, 'kg', {}, '1.2 kg'],
    [1200, 'kg', { trimZeros: false }, '1.20 kg'],
    [1000, 'kg', {}, '1 kg'],
    [1005, 'kg', {}, '1.01 kg'], // 1.005 rounds up, unlike (1.005).toFixed(2)
    [1004.9, 'kg', {}, '1 kg'],
    [348.7, 'oz', {}, '12.3 oz'],
    [453.59237, 'oz', {}, '16 oz'],
    [453.59237, 'oz', { trimZeros: false }, '16.0 oz'],
    [1093, 'lb', {}, '2.41 lb'],
    [453.59237, 'lb', {}, '1 lb'],
    [1234.5678, 'kg', { decimals: 3 }, '1.235 kg'],
    [1234.5678, 'g', { decimals: 0 }, '1235 g'],
    [-1500, 'kg', {}, '-1.5 kg'],
    [-0.001, 'kg', {}, '0 kg'],
    [1e10, 'g', {}, '10000000000 g'],
  ])('[W8] formatWeight(%d, %s, %j) is %j', (grams, unit, opts, text) => {
    expect(formatWeight(grams, unit, opts)).toBe(text);
  });

  it.each([NaN, Infinity, -Infinity])('[W8] throws RangeError for %d grams', (grams) => {
    expect(() => formatWeight(grams, 'g')).toThrow(RangeError);
  });

  it.each([-1, 1.5, 21])('[W8] throws RangeError for %d decimals', (decimals) => {
    expect(() => formatWeight(1, 'g', { decimals })).toThrow(RangeError);
  });

  it.each<[number, WeightUnit, number]>([
    [9.99, 'g', 1],
    [10, 'g', 0],
    [-5, 'g', 1],
    [0.5, 'kg', 2],
    [100, 'oz', 1],
    [3, 'lb', 2],
  ])('[W8] displayDecimals(%d, %s) is %d', (value, unit, decimals) => {
    expect(displayDecimals(value, unit)).toBe(decimals);
  });
});
