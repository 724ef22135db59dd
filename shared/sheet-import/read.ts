// Pasted or imported text → a table of cells → rows to add to a list, each row checked as
// strictly as the stored item and entry will be, and every row left out named with the
// reason. Spreadsheets put tab-separated text on the clipboard and quote a cell holding a
// tab, a newline or a quote ("a ""b""", doubling inner quotes); Papa Parse reads exactly
// that with delimiter '\t'. A file is read as CSV unless its first line holds a tab.
import Papa from 'papaparse';
import { MAX_GRAMS, NAME_MAX } from '../schemas/constants';
import { toGrams, type WeightUnit } from '../units';
import {
  readCountCell,
  readFlagCell,
  readPriceCell,
  readUnitCell,
  readWeightCell,
  type Cell,
} from './cells';
import { looksLikeHeader, mappingFromHeader, mappingFromValues } from './columns';
import type { ColumnMapping, SheetField } from './columns';

/** At most this many rows at once: a paste that large is a mistake, not a list. */
export const MAX_SHEET_ROWS = 2000;

export interface SheetRow {
  name: string;
  description: string;
  /** The weight as written, in `unit`. */
  weight: number;
  unit: WeightUnit;
  /** toGrams(weight, unit) [W2]. */
  weightGrams: number;
  qty: number;
  wornQty: number;
  consumable: boolean;
  priceCents: number | null;
  currency: string | null;
  category: string;
}

export interface RejectedRow {
  /** 1-based row of the pasted table (the header, when there is one, is row 1). */
  row: number;
  reason: string;
}

export interface SheetRead {
  rows: SheetRow[];
  rejected: RejectedRow[];
}

/** The table and a first guess of its columns, for the preview. */
export interface SheetGuess {
  table: string[][];
  hasHeader: boolean;
  mapping: (SheetField | null)[];
}

const isBlank = (row: readonly string[]) => row.every((cell) => cell.trim() === '');

/** How cells are separated: tabs (the clipboard), commas, or tabs if the first line has one. */
export type SheetFormat = 'tsv' | 'csv' | 'auto';

/** The non-blank rows of cells of `text`. */
export function readTable(text: string, format: SheetFormat = 'tsv'): string[][] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = source.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const comma = format === 'csv' || (format === 'auto' && !firstLine.includes('\t'));
  const delimiter = comma ? ',' : '\t';
  const parsed = Papa.parse<string[]>(source, { delimiter, skipEmptyLines: false });
  return parsed.data.filter((row) => !isBlank(row));
}

export function guessSheet(text: string, format: SheetFormat = 'tsv'): SheetGuess {
  const table = readTable(text, format);
  const [first = [], ...rest] = table;
  const hasHeader = looksLikeHeader(first);
  const width = Math.max(0, ...table.map((row) => row.length));
  const mapping = hasHeader ? mappingFromHeader(first) : mappingFromValues(table);
  while (mapping.length < width) mapping.push(null);
  // A header that names no weight: the values may still show one.
  if (hasHeader && !mapping.includes('weight')) {
    const byValue = mappingFromValues(rest);
    byValue.forEach((field, i) => {
      if (field === 'weight' && mapping[i] === null) mapping[i] = 'weight';
    });
  }
  return { table, hasHeader, mapping };
}

/** The rows of `table` under `mapping`; weights without a unit are in `defaultUnit`. */
export function readSheetRows(
  table: readonly (readonly string[])[],
  mapping: ColumnMapping,
  options: { hasHeader: boolean; defaultUnit: WeightUnit },
): SheetRead {
  const out: SheetRead = { rows: [], rejected: [] };
  const start = options.hasHeader ? 1 : 0;
  if (!mapping.includes('name')) {
    const reason = 'no column is mapped to Name';
    table.slice(start).forEach((_, i) => out.rejected.push({ row: start + i + 1, reason }));
    return out;
  }
  table.slice(start).forEach((cells, i) => {
    const row = start + i + 1;
    if (i >= MAX_SHEET_ROWS) {
      out.rejected.push({ row, reason: `more than ${MAX_SHEET_ROWS} rows at once` });
      return;
    }
    const read = readSheetRow(cells, mapping, options.defaultUnit);
    if ('reasons' in read) out.rejected.push({ row, reason: read.reasons.join('; ') });
    else out.rows.push(read);
  });
  return out;
}

function readSheetRow(
  cells: readonly string[],
  mapping: ColumnMapping,
  defaultUnit: WeightUnit,
): SheetRow | { reasons: string[] } {
  const cell = (field: SheetField): string => {
    const at = mapping.indexOf(field);
    return at < 0 ? '' : (cells[at] ?? '').trim();
  };
  const reasons: string[] = [];
  const take = <T>(result: Cell<T>, fallback: T): T => {
    if (result.ok) return result.value;
    reasons.push(result.reason);
    return fallback;
  };

  const name = cell('name');
  if (name === '') reasons.push('missing name');
  else if (name.length > NAME_MAX) reasons.push(`name longer than ${NAME_MAX} characters`);
  const description = cell('description');
  if (description.length > NAME_MAX) reasons.push(`description longer than ${NAME_MAX} characters`);
  const category = cell('category');

  const weightText = cell('weight');
  const weight =
    weightText === '' ? { value: 0, unit: null } : take(readWeightCell(weightText), null);
  const unitColumn = take(readUnitCell(cell('unit')), null);
  const unit = weight?.unit ?? unitColumn ?? defaultUnit;
  const weightGrams = weight ? toGrams(weight.value, unit) : 0;
  if (weightGrams > MAX_GRAMS) reasons.push('weight over 1000 kg');

  const qty = take(readCountCell(cell('qty'), 'quantity', 1), 1);
  // A number is how many are worn; a yes ("x", "Worn", "yes") means all of them.
  const wornText = cell('worn');
  const wornQty = /^-?\d+$/.test(wornText)
    ? take(readCountCell(wornText, 'worn', 0), 0)
    : take(readFlagCell(wornText, 'worn'), false)
      ? qty
      : 0;
  if (wornQty > qty) reasons.push(`worn (${wornQty}) more than the quantity (${qty})`);
  const consumable = take(readFlagCell(cell('consumable'), 'consumable'), false);
  const price = take(readPriceCell(cell('price')), null);

  if (reasons.length > 0 || weight === null) return { reasons };
  return {
    name,
    description,
    weight: weight.value,
    unit,
    weightGrams,
    qty,
    wornQty,
    consumable,
    priceCents: price?.cents ?? null,
    currency: price?.currency ?? null,
    category,
  };
}
