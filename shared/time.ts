// UTC instants as ISO 8601 strings with milliseconds (`2026-11-26T01:05:54.123Z`): the one
// time format on the wire (docs/api.md "Conventions") and the time part of every hlc.
//
// Parsing is strict on purpose. A string is accepted only when formatting its instant gives
// the very same string back, so every accepted time has exactly one spelling. That is what
// lets hlcs be compared as plain strings: two spellings of one instant (or an impossible date
// that an engine quietly rolls over, like Feb 30) would break "string order = clock order".

const ISO_MILLIS_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** 0000-01-01T00:00:00.000Z: the first instant whose ISO year has four digits. */
export const MIN_TIME_MILLIS = -62_167_219_200_000;
/** 9999-12-31T23:59:59.999Z: the last one. Beyond it toISOString writes `+010000-…`. */
export const MAX_TIME_MILLIS = 253_402_300_799_999;

/** Whether `ms` is a whole millisecond inside the four-digit-year range. */
export function isTimeMillis(ms: number): boolean {
  return Number.isSafeInteger(ms) && ms >= MIN_TIME_MILLIS && ms <= MAX_TIME_MILLIS;
}

/** Formats an instant; throws RangeError outside the four-digit-year range. */
export function formatIsoMillis(ms: number): string {
  if (!isTimeMillis(ms)) throw new RangeError(`time out of range: ${ms}`);
  return new Date(ms).toISOString();
}

/**
 * The last minute (`YYYY-MM-DDTHH:MM`) that passed the full check, and its instant. A sync
 * batch holds thousands of hlcs from the same few minutes; within a valid minute every
 * second 00..59 and millisecond is valid (JavaScript time has no leap seconds), so those
 * skip the costly parse and round trip.
 */
let checkedMinute = '';
let checkedMinuteMillis = 0;

/** The instant of a strict ISO UTC millisecond string, or null. */
export function parseIsoMillis(s: string): number | null {
  return ISO_MILLIS_PATTERN.test(s) ? isoMillisOfShaped(s) : null;
}

/** `0`-`9` at `i` as a number (the caller has checked it is a digit). */
function digitAt(s: string, i: number): number {
  return s.charCodeAt(i) - 48;
}

/**
 * parseIsoMillis for a string already known to match ISO_MILLIS_PATTERN (the hlc parser
 * checks the whole hlc with one pattern). Per cell of a 1000-cell push this runs a
 * thousand times, so the hot path (a minute already checked) reads digits in place
 * instead of slicing.
 */
export function isoMillisOfShaped(s: string): number | null {
  const seconds = digitAt(s, 17) * 10 + digitAt(s, 18);
  const withinMinute = seconds * 1000 + digitAt(s, 20) * 100 + digitAt(s, 21) * 10 + digitAt(s, 22);
  if (checkedMinute !== '' && s.startsWith(checkedMinute)) {
    return seconds < 60 ? checkedMinuteMillis + withinMinute : null;
  }
  const time = s.length === 24 ? s : s.slice(0, 24);
  const ms = Date.parse(time);
  if (!isTimeMillis(ms)) return null;
  // Date.parse rolls some impossible dates over (2026-02-30 becomes March 2, 24:00 becomes
  // the next day); the round trip rejects them.
  if (new Date(ms).toISOString() !== time) return null;
  checkedMinute = s.slice(0, 16);
  checkedMinuteMillis = ms - withinMinute;
  return ms;
}
