// One spreadsheet cell → a typed value, or a message saying what is wrong with it. Cells
// come from Google Sheets, Excel, Numbers, LibreOffice and LighterPack, so each reader
// accepts what those write: a weight with its unit in the cell ("120 g", "4.2 oz",
// "1,2 kg"), a price with a currency sign ("$12.50", "12,50 €"), yes/no words or "x".
// Pure; the messages are shown to the user as they are.
import { parseLighterPackUnit } from '../lighterpack/units';
import { amountToCents } from '../price';
import { MAX_CENTS, MAX_QTY } from '../schemas/constants';
import type { WeightUnit } from '../units';

export type Cell<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const fail = <T>(reason: string): Cell<T> => ({ ok: false, reason });

/** How a cell is quoted in a message: “text”, or (empty). */
export const shown = (text: string): string =>
  text.trim() === '' ? '(empty)' : `“${text.trim()}”`;

/**
 * A decimal with "." or "," as the decimal mark; NaN when it is not one. "1,200" is 1200
 * to some and 1.2 to others, so a comma followed by exactly three digits is refused by
 * readNumberText (ambiguous) rather than guessed 1000× wrong.
 */
function decimal(text: string): number {
  return /^(?:\d+(?:[.,]\d*)?|[.,]\d+)$/.test(text) ? Number(text.replace(',', '.')) : NaN;
}

const AMBIGUOUS = /^\d{1,3},\d{3}$/;

function readNumberText(text: string, what: string): Cell<number> {
  if (AMBIGUOUS.test(text)) {
    const plain = text.replace(',', '');
    return fail(`${what} ${shown(text)} is ambiguous: write ${plain} or ${text.replace(',', '.')}`);
  }
  const value = decimal(text);
  if (Number.isNaN(value)) return fail(`${what} is not a number: ${shown(text)}`);
  return ok(value);
}

export interface WeightCell {
  /** The number as written. */
  value: number;
  /** The unit written in the cell, or null when it held a bare number. */
  unit: WeightUnit | null;
}

/** "120", "120 g", "4.2oz", "1,2 kg", "2 lbs". Empty is an error: callers decide a default. */
export function readWeightCell(text: string): Cell<WeightCell> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('weight is empty');
  const match = /^(-?[\d.,]+)\s*([a-zA-Z]*)\.?$/.exec(trimmed);
  if (!match) return fail(`weight is not a number: ${shown(trimmed)}`);
  const [, digits = '', word = ''] = match;
  if (digits.startsWith('-')) return fail(`weight cannot be negative: ${shown(trimmed)}`);
  const unit = word === '' ? null : parseLighterPackUnit(word);
  if (word !== '' && unit === null) return fail(`unknown weight unit: ${shown(word)}`);
  const number = readNumberText(digits, 'weight');
  if (!number.ok) return number;
  return ok({ value: number.value, unit });
}

/** A unit column's cell: g, gram, grams, kg, oz, ounce, lb, lbs, pound… in any case. */
export function readUnitCell(text: string): Cell<WeightUnit | null> {
  if (text.trim() === '') return ok(null);
  const unit = parseLighterPackUnit(text);
  return unit === null ? fail(`unknown unit: ${shown(text)}`) : ok(unit);
}

/** A whole number 0..10000; empty is `empty` (1 for a quantity). */
export function readCountCell(text: string, what: string, empty: number): Cell<number> {
  const trimmed = text.trim();
  if (trimmed === '') return ok(empty);
  if (/^-\d/.test(trimmed)) return fail(`${what} cannot be negative: ${shown(trimmed)}`);
  if (!/^\d+$/.test(trimmed)) return fail(`${what} is not a whole number: ${shown(trimmed)}`);
  const value = Number(trimmed);
  if (value > MAX_QTY) return fail(`${what} over ${MAX_QTY}: ${shown(trimmed)}`);
  return ok(value);
}

const TRUE_WORDS = new Set(['x', 'y', 'yes', 'true', '1', '✓', '✔', 'worn', 'consumable']);
const FALSE_WORDS = new Set(['', 'n', 'no', 'false', '0', '-']);

/** A yes/no column: x, yes, true, 1, ✓ (or the column's own word) and no, false, 0, empty. */
export function readFlagCell(text: string, what: string): Cell<boolean> {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return fail(`${what} should be yes or no: ${shown(text)}`);
}

/** Whether a cell reads as yes/no (for guessing a column without a header). */
export function isFlagWord(text: string): boolean {
  const word = text.trim().toLowerCase();
  return TRUE_WORDS.has(word) || (word !== '' && FALSE_WORDS.has(word));
}

export interface Price {
  cents: number;
  /** From a sign or a code in the cell ("$", "€", "EUR"); null when it had none. */
  currency: string | null;
}

const SIGNS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
]);

/** "12.50", "$12.50", "12,50 €", "EUR 12.50"; empty is no price (null). */
export function readPriceCell(text: string): Cell<Price | null> {
  const trimmed = text.trim();
  if (trimmed === '') return ok(null);
  const match = /^([$€£¥]|[A-Za-z]{3})?\s*(-?[\d.,]+)\s*([$€£¥]|[A-Za-z]{3})?$/.exec(trimmed);
  if (!match) return fail(`price is not a number: ${shown(trimmed)}`);
  const [, before, digits = '', after] = match;
  if (digits.startsWith('-')) return fail(`price cannot be negative: ${shown(trimmed)}`);
  const mark = before ?? after;
  const currency = mark === undefined ? null : (SIGNS.get(mark) ?? mark.toUpperCase());
  const cents = amountToCents(digits);
  if (cents === null)
    return fail(`price is not an amount with at most two decimals: ${shown(trimmed)}`);
  if (cents > MAX_CENTS) return fail(`price over 10,000,000: ${shown(trimmed)}`);
  return ok({ cents, currency });
}
