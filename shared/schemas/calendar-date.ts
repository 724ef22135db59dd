// Calendar dates as `YYYY-MM-DD` (trip start and end). A date is a day, not an instant, so it
// is checked with the proleptic Gregorian rules directly instead of through Date (which would
// drag time zones in and roll 2026-02-30 over to March 2 without a word).

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Years 0000..9999, months 01..12, days that exist in that month. */
export function isCalendarDate(s: string): boolean {
  const match = DATE_PATTERN.exec(s);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
