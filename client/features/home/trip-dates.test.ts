import type { Trip } from '../../../shared/schemas';
import { describe, expect, it } from 'vitest';
import { SAMPLE_ROWS } from '../../../shared/test-support/sample-rows';
import {
  arrangeTrips,
  daysBetween,
  describeWhen,
  formatTripDates,
  localIsoDate,
} from './trip-dates';

const TODAY = '2026-06-10';
const trip = (id: string, startDate: string | null, endDate: string | null = null): Trip => ({
  ...SAMPLE_ROWS.trips,
  id,
  name: id,
  startDate,
  endDate,
});

describe('arrangeTrips', () => {
  it('puts the trip under way or starting soonest first, then upcoming, undated, past', () => {
    const trips = [
      trip('past-old', '2025-05-01', '2025-05-03'),
      trip('later', '2026-08-01'),
      trip('undated-b', null),
      trip('soon', '2026-06-20', '2026-06-22'),
      trip('past-recent', '2026-06-01', '2026-06-03'),
      trip('undated-a', null),
    ];
    const { next, others } = arrangeTrips(trips, TODAY);
    expect(next?.id).toBe('soon');
    expect(others.map((t) => t.id)).toEqual([
      'later',
      'undated-a',
      'undated-b',
      'past-recent',
      'past-old',
    ]);
  });

  it('counts a trip as current until its last day, and one without an end by its start', () => {
    expect(arrangeTrips([trip('on', '2026-06-08', '2026-06-10')], TODAY).next?.id).toBe('on');
    expect(arrangeTrips([trip('day', TODAY)], TODAY).next?.id).toBe('day');
    expect(arrangeTrips([trip('gone', '2026-06-09')], TODAY).next).toBeNull();
  });

  it('has no next trip without trips', () => {
    expect(arrangeTrips([], TODAY)).toEqual({ next: null, others: [] });
  });
});

describe('trip dates in words', () => {
  it.each([
    ['2026-06-24', '2026-06-26', '24–26 Jun'],
    ['2026-06-24', null, '24 Jun'],
    ['2026-06-30', '2026-07-02', '30 Jun–2 Jul'],
    ['2027-01-02', '2027-01-04', '2–4 Jan 2027'],
    [null, null, ''],
  ])('%s to %s reads "%s"', (start, end, expected) => {
    const text = formatTripDates(trip('t', start, end), TODAY, 'en-GB');
    // ICU versions differ in the spaces around the dash; the words are what matters.
    expect(text.replace(/\s*–\s*/g, '–').replace(/\s/g, ' ')).toBe(expected);
  });

  it.each([
    ['2026-06-24', null, 'in 14 days'],
    ['2026-06-11', null, 'tomorrow'],
    [TODAY, null, 'today'],
    ['2026-06-08', '2026-06-12', 'under way'],
    ['2026-06-01', '2026-06-03', ''],
    [null, null, ''],
  ])('a trip from %s to %s is "%s"', (start, end, expected) => {
    expect(describeWhen(trip('t', start, end), TODAY, 'en')).toBe(expected);
  });

  it('counts calendar days across a daylight-saving change and a year end', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
