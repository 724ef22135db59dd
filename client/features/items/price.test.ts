import { describe, expect, it } from 'vitest';
import { centsToText, formatPrice, parsePrice } from './price';

describe('prices', () => {
  it.each([
    ['', null],
    ['19.99', 1999],
    ['19,9', 1990],
    ['0.07', 7],
    ['.5', 50],
    ['1 299', 129900],
    ['10000000', 1e9],
  ])('parsePrice(%j) is %j cents', (text, cents) => {
    expect(parsePrice(text)).toBe(cents);
  });

  it.each(['1.999', 'abc', '-5', '.', '10000000.01'])('rejects %j with a message', (text) => {
    expect(typeof parsePrice(text)).toBe('string');
  });

  it('writes cents back as an amount and formats it with its currency', () => {
    expect(centsToText(1999)).toBe('19.99');
    expect(centsToText(5)).toBe('0.05');
    expect(formatPrice(1999, 'USD', 'en-US')).toBe('$19.99');
    expect(formatPrice(1999, null, 'en-US')).toBe('19.99');
  });

  it.each<[number, string | null, string, string]>([
    [104990, 'USD', 'en-US', '$1,049.90'],
    [104990, 'EUR', 'de-DE', '1.049,90\u00a0€'],
    [150000, 'JPY', 'en-US', '¥1,500'], // yen have no decimals
    [150050, 'JPY', 'ja-JP', '￥1,501'],
    [104990, null, 'de-DE', '1.049,90'],
    [104990, 'XYZ', 'en-US', 'XYZ\u00a01,049.90'], // an unknown code: Intl writes it out
    [104990, 'X', 'en-US', '1,049.90 X'], // a malformed one Intl refuses: the amount, then it
    [104990, 'X', 'en-US', '1,049.90 X'], // and again, from the remembered refusal
  ])('formatPrice(%d, %s, %s) is %j', (cents, currency, locale, text) => {
    expect(formatPrice(cents, currency, locale)).toBe(text);
  });
});
