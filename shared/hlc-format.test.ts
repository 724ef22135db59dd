import { describe, expect, it } from 'vitest';
import {
  compareHlc,
  compareHlcState,
  formatHlc,
  isHlc,
  isHlcState,
  isNodeId,
  parseHlc,
} from './hlc-format';
import type { HlcState } from './hlc-format';

const NODE = '0123456789abcdef';
const T = Date.UTC(2026, 10, 26, 1, 5, 54, 123);
const state = (millis: number, counter: number, node = NODE): HlcState => ({
  millis,
  counter,
  node,
});

describe('formatHlc / parseHlc', () => {
  it.each([
    [state(T, 0), '2026-11-26T01:05:54.123Z-0000-0123456789abcdef'],
    [state(T, 10), '2026-11-26T01:05:54.123Z-000a-0123456789abcdef'],
    [state(T, 0xffff, 'ffffffffffffffff'), '2026-11-26T01:05:54.123Z-ffff-ffffffffffffffff'],
    [state(0, 1), '1970-01-01T00:00:00.000Z-0001-0123456789abcdef'],
    [state(-62_167_219_200_000, 0), '0000-01-01T00:00:00.000Z-0000-0123456789abcdef'],
    [state(253_402_300_799_999, 0), '9999-12-31T23:59:59.999Z-0000-0123456789abcdef'],
  ])('[C1] %j formats as %s and parses back', (s, wire) => {
    expect(formatHlc(s)).toBe(wire);
    expect(parseHlc(wire)).toEqual(s);
    expect(isHlc(wire)).toBe(true);
  });

  it.each([
    ['counter -1', state(T, -1)],
    ['counter 0x10000', state(T, 0x10000)],
    ['fractional counter', state(T, 1.5)],
    ['fractional millis', state(T + 0.5, 0)],
    ['NaN millis', state(NaN, 0)],
    ['year 10000', state(253_402_300_800_000, 0)],
    ['year -1', state(-62_167_219_200_001, 0)],
    ['upper-case node', state(T, 0, '0123456789ABCDEF')],
    ['short node', state(T, 0, '0123456789abcde')],
  ])('[C1] formatHlc throws RangeError for %s', (_name, s) => {
    expect(() => formatHlc(s)).toThrow(RangeError);
    expect(isHlcState(s)).toBe(false);
  });

  const valid = '2026-11-26T01:05:54.123Z-0000-0123456789abcdef';
  it.each([
    ['empty', ''],
    ['upper-case counter', '2026-11-26T01:05:54.123Z-00A0-0123456789abcdef'],
    ['upper-case node', '2026-11-26T01:05:54.123Z-0000-0123456789ABCDEF'],
    ['month 13', '2026-13-26T01:05:54.123Z-0000-0123456789abcdef'],
    ['Feb 30', '2026-02-30T01:05:54.123Z-0000-0123456789abcdef'],
    ['hour 24', '2026-11-26T24:00:00.000Z-0000-0123456789abcdef'],
    ['no milliseconds', '2026-11-26T01:05:54Z-0000-0123456789abcdef'],
    ['offset instead of Z', '2026-11-26T01:05:54.123+00:00-0000-0123456789abcdef'],
    ['six-digit year', '+010000-01-01T00:00:00.000Z-0000-0123456789abcdef'],
    ['negative year', '-000001-12-31T23:59:59.999Z-0000-0123456789abcdef'],
    ['3-digit counter', '2026-11-26T01:05:54.123Z-000-0123456789abcdef'],
    ['5-digit counter', '2026-11-26T01:05:54.123Z-00000-0123456789abcdef'],
    ['15-char node', valid.slice(0, -1)],
    ['17-char node', `${valid}0`],
    ['non-hex node', '2026-11-26T01:05:54.123Z-0000-0123456789abcdeg'],
    ['wrong separator', '2026-11-26T01:05:54.123Z_0000_0123456789abcdef'],
    ['leading space', ` ${valid}`],
    ['trailing newline', `${valid}\n`],
  ])('[C1] parseHlc rejects %s', (_name, s) => {
    expect(parseHlc(s)).toBeNull();
    expect(isHlc(s)).toBe(false);
  });

  it.each([undefined, null, 42, {}])('[C1] isHlc(%j) is false', (value) => {
    expect(isHlc(value)).toBe(false);
  });
});

describe('node ids', () => {
  it.each([
    ['0123456789abcdef', true],
    ['ffffffffffffffff', true],
    ['0123456789ABCDEF', false],
    ['0123456789abcde', false],
    ['0123456789abcdef0', false],
    ['0123456789abcdeg', false],
    [16, false],
  ])('[C1] isNodeId(%j) is %s', (value, ok) => {
    expect(isNodeId(value)).toBe(ok);
  });
});

describe('comparison', () => {
  it.each([
    [state(T, 0), state(T + 1, 0), -1],
    [state(T, 1), state(T, 0), 1],
    [state(T, 0xffff), state(T + 1, 0), -1],
    [state(T, 5, '0000000000000001'), state(T, 5, '0000000000000002'), -1],
    [state(T, 5), state(T, 5), 0],
  ])('[C2] %j vs %j is %i, as states and as strings', (a, b, expected) => {
    expect(compareHlcState(a, b)).toBe(expected);
    expect(compareHlc(formatHlc(a), formatHlc(b))).toBe(expected);
  });
});
