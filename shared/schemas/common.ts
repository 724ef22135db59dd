// Field schemas shared by the tables (docs/api.md "Tables and fields"), with exactly its limits.
//
// Rules for every schema here [S3]: a schema only checks, it never transforms. An accepted
// value comes out identical (no trimming, no URL normalising, no coercion), because the client
// keeps what it wrote and the server keeps what it received under the same hlc: if the two
// differed, an equal hlc would no longer mean an equal value and devices would diverge.
// Lengths are JavaScript string lengths (UTF-16 code units) and are maxima.
import { z } from 'zod';
import { isHlc } from '../hlc';
import { WEIGHT_UNITS } from '../units';
import { isCalendarDate } from './calendar-date';
import { MAX_CENTS, MAX_GRAMS, MAX_QTY, NAME_MAX, NOTES_MAX } from './constants';

/** [S4] Any id: 1..80 chars of `[A-Za-z0-9:_-]`. */
export const ID_PATTERN = /^[A-Za-z0-9:_-]{1,80}$/;
export const idSchema = z.string().regex(ID_PATTERN, 'id must be 1..80 chars of [A-Za-z0-9:_-]');

/**
 * A string of at most `max` UTF-16 code units. zod 4's own `.max()` counts code points, so
 * "😀" is 1 to it but 2 to docs/api.md; the refine enforces the contract, and `.max()` stays only
 * so generated JSON Schema documents a maxLength (JSON Schema counts code points too, and a
 * code-point count is never larger, so `.max()` never rejects what the refine accepts).
 */
export function textSchema(max: number) {
  return z
    .string()
    .max(max)
    .refine((s) => s.length <= max, `must be at most ${max} UTF-16 code units`);
}

export { NAME_MAX, NOTES_MAX } from './constants';

/** [S5] 1..200 chars, and not only whitespace (as String#trim sees it). */
export const nameSchema = textSchema(NAME_MAX)
  .min(1)
  .refine((s) => s.trim().length > 0, 'name must not be empty or only whitespace');

/** Optional short text (`brand`, `location`): may be empty. */
export const shortTextSchema = textSchema(NAME_MAX);
export const notesSchema = textSchema(NOTES_MAX);

/** A palette index, or null for no color. */
export const colorSchema = z.number().int().min(0).max(9).nullable();

/** Fractional-index key: 1..64 printable ASCII chars (0x20..0x7e). */
export const sortKeySchema = z
  .string()
  .regex(/^[\x20-\x7e]{1,64}$/, 'sortKey must be 1..64 printable ASCII chars');

export const hlcSchema = z.string().refine(isHlc, 'not a well-formed hlc');

/** [S6] `YYYY-MM-DD`, a real calendar date. */
export const dateSchema = z.string().refine(isCalendarDate, 'not a YYYY-MM-DD calendar date');

/** http(s) URL ≤ 2000 chars, kept exactly as written (see isHttpUrl). */
export const urlSchema = textSchema(2000).refine(isHttpUrl, 'not an http(s) URL');

export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'currency must be 3 letters A-Z');
export const priceCentsSchema = z.number().int().min(0).max(MAX_CENTS);
/** z.number() already rejects NaN and ±Infinity. */
export const weightGramsSchema = z.number().min(0).max(MAX_GRAMS);
export const quantitySchema = z.number().int().min(0).max(MAX_QTY);
export const weightUnitSchema = z.enum(WEIGHT_UNITS);
export const deletedSchema = z.boolean();

// No whitespace or control characters anywhere, and no extra slash before the host: the URL
// parser silently drops or repairs those (tabs, newlines, leading spaces, `https:///host`), so
// the stored text and the URL it means could differ.
const HTTP_URL_PATTERN = /^https?:\/\/[^\s\p{Cc}/\\][^\s\p{Cc}]*$/iu;

// Declared here because shared code is compiled without DOM or Node types; the WHATWG URL
// class exists in every runtime we target (browsers, Node 20).
declare const URL: new (input: string) => { protocol: string; hostname: string };

/** An absolute http(s) URL with a host, e.g. `https://example.com/tent`. */
export function isHttpUrl(s: string): boolean {
  if (!HTTP_URL_PATTERN.test(s)) return false;
  try {
    const url = new URL(s);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
