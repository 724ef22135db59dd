import { describe, expect, it } from 'vitest';
import { daysInMonth, isCalendarDate, isLeapYear } from './calendar-date';

describe('calendar dates', () => {
  it.each([
    [2024, true],
    [2026, false],
    [2000, true],
    [1900, false],
    [0, true],
  ])('[S6] isLeapYear(%i) is %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it.each([
    [2026, 1, 31],
    [2026, 2, 28],
    [2024, 2, 29],
    [2026, 4, 30],
    [2026, 12, 31],
  ])('[S6] daysInMonth(%i, %i) is %i', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it.each([
    ['2026-11-26', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-11-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-01', false],
    ['2026-01-00', false],
    ['26-11-26', false],
    ['2026/11/26', false],
    ['2026-11-26 ', false],
    ['+02026-11-26', false],
  ])('[S6] isCalendarDate(%j) is %s', (s, ok) => {
    expect(isCalendarDate(s)).toBe(ok);
  });
});
