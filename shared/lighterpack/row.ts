// One LighterPack CSV record → a typed row, or the reasons it is rejected. Pure, and
// exactly as strict as the stored rows will be (schemas/common.ts limits), so a row the
// preview accepts is a row the import can write.
//
// Leniency, by column: qty empty → 1; worn/consumable true for `Worn`, `Consumable`, `x`,
// `yes`, `true` or `1` in any case, false otherwise; price empty → none, and a leading
// currency sign is ignored; an url that is not an http(s) link is left out with a warning
// rather than losing the whole row. Numbers are plain decimals (`12`, `0.5`, `.5`): a
// spreadsheet's `1,5` or `1e3` is "not a number", never guessed at.
import { isHttpUrl } from '../schemas/common';
import { MAX_CENTS, MAX_GRAMS, MAX_QTY, NAME_MAX, NOTES_MAX } from '../schemas/constants';
import { toGrams, type WeightUnit } from '../units';
import type { ColumnIndex } from './columns';
import { parseLighterPackUnit } from './units';

export interface LighterPackRow {
  /** The 1-based line of the file the row starts on. */
  line: number;
  name: string;
  category: string;
  description: string;
  qty: number;
  /** The weight as written, in `unit`. */
  weight: number;
  unit: WeightUnit;
  /** `weight × factor` [W2], so the export gives back the number written. */
  weightGrams: number;
  url: string | null;
  priceCents: number | null;
  worn: boolean;
  consumable: boolean;
}

export type RowResult =
  { ok: true; row: LighterPackRow; warnings: string[] } | { ok: false; reasons: string[] };

/** A row without a category lands in a list of this name (a list needs a name). */
export const NO_CATEGORY = 'Uncategorized';

const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
const TRUE_WORDS = new Set(['worn', 'consumable', 'x', 'yes', 'true', '1']);

const shown = (text: string): string => (text === '' ? '(empty)' : `“${text}”`);

export function readRow(cells: readonly string[], columns: ColumnIndex, line: number): RowResult {
  const cell = (column: keyof ColumnIndex): string => {
    const at = columns[column];
    return at === undefined ? '' : (cells[at] ?? '').trim();
  };
  const reasons: string[] = [];
  const warnings: string[] = [];

  const name = cell('name');
  if (name === '') reasons.push('missing name');
  else if (name.length > NAME_MAX) reasons.push(`name longer than ${NAME_MAX} characters`);
  const category = cell('category') || NO_CATEGORY;
  if (category.length > NAME_MAX) reasons.push(`category longer than ${NAME_MAX} characters`);
  const description = cell('description');
  if (description.length > NOTES_MAX) reasons.push(`desc longer than ${NOTES_MAX} characters`);

  const unit = parseLighterPackUnit(cell('unit'));
  if (unit === null) reasons.push(`unknown unit: ${shown(cell('unit'))}`);
  const weightText = cell('weight');
  const weight = DECIMAL.test(weightText) ? Number(weightText) : null;
  if (weight === null) reasons.push(`weight not a number: ${shown(weightText)}`);
  const weightGrams = weight === null || unit === null ? null : toGrams(weight, unit);
  if (weightGrams !== null && weightGrams > MAX_GRAMS) reasons.push('weight over 1000 kg');

  const qty = readQty(cell('qty'), reasons);
  const priceCents = readPrice(cell('price'), reasons);
  let url: string | null = cell('url');
  if (url === '') url = null;
  else if (!isHttpUrl(url) || url.length > 2000) {
    warnings.push(`url ${shown(url)} is not an http(s) link and was left out`);
    url = null;
  }

  if (reasons.length > 0 || weight === null || unit === null || weightGrams === null) {
    return { ok: false, reasons };
  }
  const flag = (column: 'worn' | 'consumable') => TRUE_WORDS.has(cell(column).toLowerCase());
  const worn = flag('worn');
  const consumable = flag('consumable');
  const row = { line, name, category, description, qty, weight, unit, weightGrams, url };
  return { ok: true, row: { ...row, priceCents, worn, consumable }, warnings };
}

function readQty(text: string, reasons: string[]): number {
  if (text === '') return 1;
  const value = DECIMAL.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(value)) reasons.push(`qty not a whole number: ${shown(text)}`);
  else if (value > MAX_QTY) reasons.push(`qty over ${MAX_QTY}`);
  return value;
}

/** Whole cents, rounded on the decimal spelling (`1.005` → 101, not 100). */
function readPrice(text: string, reasons: string[]): number | null {
  const amount = text.replace(/^[$€£¥]\s*/, '');
  if (amount === '') return null;
  if (!DECIMAL.test(amount)) {
    reasons.push(`price not a number: ${shown(text)}`);
    return null;
  }
  const cents = Math.round(Number(`${amount}e2`));
  if (cents > MAX_CENTS) reasons.push('price over 10,000,000');
  return cents;
}
