// Trips on the overview: which one is next, and how their dates read. Dates are local
// calendar days (`YYYY-MM-DD`, docs/api.md), compared as strings: that order is date order.
// `today` is passed in, so the rules are plain functions of their inputs.
import type { Trip } from '../../../shared/schemas';

export interface ArrangedTrips {
  /** The trip under way or starting soonest, if any. */
  next: Trip | null;
  /** The rest: upcoming by start date, then undated by name, then past, latest first. */
  others: Trip[];
}

const byName = (a: Trip, b: Trip) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1);
const lastDay = (trip: Trip) => trip.endDate ?? trip.startDate;

/** The local calendar date of `now`, e.g. `2026-06-01`. */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function arrangeTrips(trips: readonly Trip[], today: string): ArrangedTrips {
  const upcoming: Trip[] = [];
  const undated: Trip[] = [];
  const past: Trip[] = [];
  for (const trip of trips) {
    const end = lastDay(trip);
    if (trip.startDate === null || end === null) undated.push(trip);
    else if (end >= today) upcoming.push(trip);
    else past.push(trip);
  }
  upcoming.sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? '') || byName(a, b));
  undated.sort(byName);
  past.sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? '') || byName(a, b));
  const [next = null, ...rest] = upcoming;
  return { next, others: [...rest, ...undated, ...past] };
}

function parseDay(date: string): Date {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(year, month - 1, day);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`), immune to daylight-saving shifts. */
export function daysBetween(from: string, to: string): number {
  const utc = (date: string) => {
    const d = parseDay(date);
    return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** "15 – 17 Jun", "15 Jun 2027" (the year only when it is not this year), or "" without dates. */
export function formatTripDates(trip: Trip, today: string, locale?: string): string {
  const start = trip.startDate ?? trip.endDate;
  if (start === null) return '';
  const end = trip.endDate ?? start;
  const thisYear = today.slice(0, 4);
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };
  if (start.slice(0, 4) !== thisYear || end.slice(0, 4) !== thisYear) options.year = 'numeric';
  const format = new Intl.DateTimeFormat(locale, options);
  return end > start
    ? format.formatRange(parseDay(start), parseDay(end))
    : format.format(parseDay(start));
}

/** "in 14 days", "tomorrow", "today", "under way", or "" for an undated or past trip. */
export function describeWhen(trip: Trip, today: string, locale?: string): string {
  const start = trip.startDate;
  const end = lastDay(trip);
  if (start === null || end === null || end < today) return '';
  if (start < today) return 'under way';
  const days = daysBetween(today, start);
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
}
