import { describe, expect, it } from 'vitest';
import { readCountCell, readFlagCell, readPriceCell, readUnitCell, readWeightCell } from './cells';

describe('readWeightCell', () => {
  it.each([
    ['120', 120, null],
    ['120 g', 120, 'g'],
    ['4.2 oz', 4.2, 'oz'],
    ['4.2oz', 4.2, 'oz'],
    ['1,2 kg', 1.2, 'kg'],
    ['2 lbs', 2, 'lb'],
    ['.5 lb', 0.5, 'lb'],
    ['850 grams', 850, 'g'],
    ['3 Ounces', 3, 'oz'],
    ['  12  ', 12, null],
  ])('reads %j as %d %s', (text, value, unit) => {
    expect(readWeightCell(text)).toEqual({ ok: true, value: { value, unit } });
  });

  it.each([
    ['abc', 'weight is not a number: “abc”'],
    ['', 'weight is empty'],
    ['-5 g', 'weight cannot be negative: “-5 g”'],
    ['5 stone', 'unknown weight unit: “stone”'],
    ['1,200', 'weight “1,200” is ambiguous: write 1200 or 1.200'],
    ['1.2.3', 'weight is not a number: “1.2.3”'],
  ])('refuses %j: %s', (text, reason) => {
    expect(readWeightCell(text)).toEqual({ ok: false, reason });
  });
});

describe('readUnitCell', () => {
  it.each([
    ['g', 'g'],
    ['Ounce', 'oz'],
    ['KG', 'kg'],
    ['', null],
  ])('reads %j', (text, unit) => {
    expect(readUnitCell(text)).toEqual({ ok: true, value: unit });
  });
  it('refuses an unknown unit', () => {
    expect(readUnitCell('mg')).toEqual({ ok: false, reason: 'unknown unit: “mg”' });
  });
});

describe('readCountCell', () => {
  it.each([
    ['', 1],
    ['3', 3],
    ['0', 0],
    ['10000', 10000],
  ])('reads %j as %d', (text, value) => {
    expect(readCountCell(text, 'quantity', 1)).toEqual({ ok: true, value });
  });
  it.each([
    ['-1', 'quantity cannot be negative: “-1”'],
    ['2.5', 'quantity is not a whole number: “2.5”'],
    ['two', 'quantity is not a whole number: “two”'],
    ['10001', 'quantity over 10000: “10001”'],
  ])('refuses %j', (text, reason) => {
    expect(readCountCell(text, 'quantity', 1)).toEqual({ ok: false, reason });
  });
});

describe('readFlagCell', () => {
  it.each(['x', 'X', 'yes', 'TRUE', '1', '✓', 'Worn', 'consumable'])('%j is yes', (text) => {
    expect(readFlagCell(text, 'worn')).toEqual({ ok: true, value: true });
  });
  it.each(['', 'no', 'False', '0', '-'])('%j is no', (text) => {
    expect(readFlagCell(text, 'worn')).toEqual({ ok: true, value: false });
  });
  it('refuses anything else', () => {
    expect(readFlagCell('maybe', 'worn')).toEqual({
      ok: false,
      reason: 'worn should be yes or no: “maybe”',
    });
  });
});

describe('readPriceCell', () => {
  it.each([
    ['', null],
    ['12', { cents: 1200, currency: null }],
    ['12.5', { cents: 1250, currency: null }],
    ['$12.50', { cents: 1250, currency: 'USD' }],
    ['12,50 €', { cents: 1250, currency: 'EUR' }],
    ['EUR 19.99', { cents: 1999, currency: 'EUR' }],
    ['£0.99', { cents: 99, currency: 'GBP' }],
  ])('reads %j', (text, value) => {
    expect(readPriceCell(text)).toEqual({ ok: true, value });
  });
  it.each([
    ['free', 'price is not a number: “free”'],
    ['-3', 'price cannot be negative: “-3”'],
    ['1.999', 'price is not an amount with at most two decimals: “1.999”'],
    ['99999999999', 'price over 10,000,000: “99999999999”'],
  ])('refuses %j', (text, reason) => {
    expect(readPriceCell(text)).toEqual({ ok: false, reason });
  });
});
