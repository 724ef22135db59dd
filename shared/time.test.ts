import { describe, expect, it } from 'vitest';
import {
  MAX_TIME_MILLIS,
  MIN_TIME_MILLIS,
  formatIsoMillis,
  isTimeMillis,
  parseIsoMillis,
} from './time';

describe('parseIsoMillis', () => {
  it.each([
    ['2026-11-26T01:05:54.123Z', Date.UTC(2026, 10, 26, 1, 5, 54, 123)],
    ['2024-02-29T00:00:00.000Z', Date.UTC(2024, 1, 29)],
    ['0000-01-01T00:00:00.000Z', MIN_TIME_MILLIS],
    ['9999-12-31T23:59:59.999Z', MAX_TIME_MILLIS],
  ])('[C1] accepts %s', (s, ms) => {
    expect(parseIsoMillis(s)).toBe(ms);
  });

  it.each([
    '',
    '2026-11-26T01:05:54Z', // no milliseconds
    '2026-11-26T01:05:54.12Z',
    '2026-11-26T01:05:54.1234Z',
    '2026-11-26T01:05:54.123+00:00',
    '2026-11-26t01:05:54.123z',
    '2026-11-26 01:05:54.123Z',
    '2026-13-01T00:00:00.000Z', // month 13
    '2026-00-01T00:00:00.000Z',
    '2026-02-30T00:00:00.000Z', // rolled over by Date.parse
    '2025-02-29T00:00:00.000Z',
    '2026-04-31T00:00:00.000Z',
    '2026-01-01T24:00:00.000Z',
    '2026-01-01T23:60:00.000Z',
    '2026-01-01T23:59:60.000Z',
    '+010000-01-01T00:00:00.000Z',
    '-000001-12-31T23:59:59.999Z',
    ' 2026-11-26T01:05:54.123Z',
    '2026-11-26T01:05:54.123Z ',
    '２026-11-26T01:05:54.123Z', // full-width digit
  ])('[C1] rejects %j', (s) => {
    expect(parseIsoMillis(s)).toBeNull();
  });
});

describe('formatIsoMillis', () => {
  it('[C1] formats the instant as ISO UTC with ms', () => {
    expect(formatIsoMillis(Date.UTC(2026, 10, 26, 1, 5, 54, 123))).toBe('2026-11-26T01:05:54.123Z');
  });

  it.each([MIN_TIME_MILLIS - 1, MAX_TIME_MILLIS + 1, 1.5, NaN, Infinity])(
    '[C1] throws RangeError for %s',
    (ms) => {
      expect(() => formatIsoMillis(ms)).toThrow(RangeError);
      expect(isTimeMillis(ms)).toBe(false);
    },
  );
});
