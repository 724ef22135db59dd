import { describe, expect, it } from 'vitest';
import { idSchema, isHttpUrl, nameSchema, textSchema } from './common';

describe('common schemas', () => {
  it.each([
    ['a', true],
    ['A-z_0:9', true],
    ['x'.repeat(80), true],
    ['x'.repeat(81), false],
    ['', false],
    ['a.b', false],
    ['a\u0000', false],
    ['ａ', false],
  ])('[S4] id %j → %s', (id, ok) => {
    expect(idSchema.safeParse(id).success).toBe(ok);
  });

  it.each([
    ['😀'.repeat(2), 4, true],
    ['😀'.repeat(2), 3, false], // 2 code points but 4 code units
    ['abc', 3, true],
    ['abcd', 3, false],
  ])('[S1] textSchema counts UTF-16 code units: %j within %i → %s', (s, max, ok) => {
    expect(textSchema(max).safeParse(s).success).toBe(ok);
  });

  it.each([
    ['Tent', true],
    ['\u200bTent', true],
    ['\u00a0', false],
    ['\ufeff', false],
    ['\r\n', false],
  ])('[S5] name %j → %s', (name, ok) => {
    expect(nameSchema.safeParse(name).success).toBe(ok);
  });

  it.each([
    ['https://example.com/tent?id=1', true],
    ['http://192.168.1.10:8080', true],
    ['https://пример.рф/палатка', true],
    ['https://exa\u0000mple.com', false],
    ['https://example.com/\u007f', false],
    ['mailto:a@b.c', false],
    ['https:///path', false],
    ['//example.com', false],
    ['https:\\\\example.com', false],
    ['https://\\\\example.com', false],
  ])('[S7] isHttpUrl(%j) is %s', (url, ok) => {
    expect(isHttpUrl(url)).toBe(ok);
  });
});
