import { describe, expect, it } from 'vitest';
import { displayDecimals, formatWeight, plainWeightNumber } from './format-weight';
import type { FormatWeightOptions } from './format-weight';
import type { DisplayUnit, WeightUnit } from './units';

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
    [12345, 'g', {}, '12,345 g'],
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
    [1234.5678, 'g', { decimals: 0 }, '1,235 g'],
    [-1500, 'kg', {}, '-1.5 kg'],
    [-0.001, 'kg', {}, '0 kg'],
    [1e10, 'g', {}, '10,000,000,000 g'],
  ])('[W8] formatWeight(%d, %s, %j) is %j', (grams, unit, opts, text) => {
    expect(formatWeight(grams, unit, { locale: 'en-US', ...opts })).toBe(text);
  });

  it.each<[number, DisplayUnit, FormatWeightOptions, string]>([
    [11163, 'g', { locale: 'en-US' }, '11,163 g'],
    [11163, 'g', { locale: 'de-DE' }, '11.163 g'],
    [1250, 'kg', { locale: 'de-DE' }, '1,25 kg'],
    [2.5, 'g', { locale: 'fr-FR' }, '2,5 g'],
    [850, 'auto', { locale: 'en-GB' }, '850 g'],
    [999.4, 'auto', { locale: 'en-GB' }, '999 g'],
    [999.6, 'auto', { locale: 'en-GB' }, '1 kg'], // rounds to 1000 g: never "1,000 g"
    [1200, 'auto', { locale: 'en-GB' }, '1.2 kg'],
    [11163, 'auto', { locale: 'en-GB' }, '11.16 kg'],
    [11163, 'auto', { locale: 'de-DE' }, '11,16 kg'],
    [11163, 'auto', { locale: 'en-US', system: 'imperial' }, '24.61 lb'],
    [200, 'auto', { locale: 'en-US', system: 'imperial' }, '7.1 oz'],
    [453.3, 'auto', { locale: 'en-US', system: 'imperial' }, '1 lb'], // 15.99 oz rounds to 16.0 oz
    [200, 'auto', { locale: 'en-US', system: 'metric' }, '200 g'],
    [2000, 'auto', { locale: 'de-DE', system: 'imperial' }, '4,41 lb'],
    [-1500, 'auto', { locale: 'en-GB' }, '-1.5 kg'],
    [0, 'auto', { locale: 'en-US', system: 'imperial' }, '0 oz'],
    [1200, 'kg', { locale: 'not a locale!' }, '1.2 kg'], // a bad tag falls back, no throw
  ])('[W9] formatWeight(%d, %s, %j) is %j', (grams, unit, opts, text) => {
    expect(formatWeight(grams, unit, opts)).toBe(text);
  });

  it.each(['en-US', 'de-DE', 'en-GB'])(
    '[W9] auto is metric in %s until a system is chosen',
    (locale) => {
      expect(formatWeight(11163, 'auto', { locale })).toMatch(/^11[.,]16 kg$/);
      expect(formatWeight(11163, 'auto', { locale, system: 'imperial' })).toMatch(/^24[.,]61 lb$/);
    },
  );

  it('[W8] plainWeightNumber has no grouping and "." as decimal mark', () => {
    expect(plainWeightNumber(12345.678, 'g', { decimals: 2 })).toBe('12345.68');
    expect(plainWeightNumber(1005, 'kg')).toBe('1.01');
    expect(plainWeightNumber(-0.001, 'kg')).toBe('0');
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
