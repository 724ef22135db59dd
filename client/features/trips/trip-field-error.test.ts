import { describe, expect, it } from 'vitest';
import { SAMPLE_ROWS } from '../../../shared/test-support/sample-rows';
import { tripFieldError } from './trip-field-error';

const trip = { ...SAMPLE_ROWS.trips, startDate: '2026-07-10', endDate: '2026-07-12' };

describe('tripFieldError', () => {
  it.each([
    [{ name: '  ' }, /needs a name/],
    [{ name: 'x'.repeat(201) }, /200 characters/],
    [{ location: 'x'.repeat(201) }, /200 characters/],
    [{ notes: 'x'.repeat(5001) }, /5000 characters/],
    [{ startDate: '2026-02-30' }, /Enter a date/],
    [{ endDate: '2026-07-09' }, /end before it starts/],
    [{ startDate: '2026-07-13' }, /end before it starts/],
  ])('refuses %j', (changes, message) => {
    expect(tripFieldError(trip, changes)).toMatch(message);
  });

  it.each([
    [{ name: ' Sarek ' }],
    [{ endDate: '2026-07-10' }],
    [{ startDate: null }],
    [{ endDate: null, startDate: '2027-01-01' }],
    [{ location: '' }],
  ])('accepts %j', (changes) => {
    expect(tripFieldError(trip, changes)).toBeNull();
  });
});
