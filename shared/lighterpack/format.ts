// Writing a LighterPack CSV, byte for byte as LighterPack's own export (`listToCsv` in its
// server/csv.js): the header below, one line per entry, every line ending in `\n` (the
// last too), no BOM; a field holding `"`, `,`, CR or LF is quoted with inner quotes
// doubled. A hand-written writer is enough here: output has one dialect, and only reading
// needs a CSV library.
//
// Numbers are written as LighterPack writes them, which is JavaScript's own Number → string
// of a value rounded to 2 decimals: no trailing zeros, no thousands separator, `0.35` with
// its leading zero (`12`, `12.5`, `0.35`). Weight: the item's grams in its unit, rounded
// half away from zero on the decimal spelling ([W8]; `toFixed` would turn 1.005 into
// 1.00), so a number read by the import (`value × factor`, [W2]) comes back as written.
// Price: whole cents as a decimal amount (`1299` → `12.99`, `150` → `1.5`), `0` when unset.
import { plainWeightNumber } from '../format-weight';
import type { WeightUnit } from '../units';
import { LIGHTERPACK_UNIT_WORDS } from './units';

export const LIGHTERPACK_HEADER =
  'Item Name,Category,desc,qty,weight,unit,url,price,worn,consumable';

export interface LighterPackExportRow {
  name: string;
  category: string;
  description: string;
  qty: number;
  weightGrams: number;
  unit: WeightUnit;
  url: string | null;
  priceCents: number | null;
  worn: boolean;
  consumable: boolean;
}

/** One field, quoted when it holds a quote, a comma, CR or LF. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `grams` in `unit`, rounded to 2 decimals, trailing zeros dropped: `12.5`, `0.35`, `538`. */
export function weightNumber(grams: number, unit: WeightUnit): string {
  return plainWeightNumber(grams, unit, { decimals: 2 });
}

/** Whole cents as LighterPack's price number: `1299` → `12.99`, `150` → `1.5`, null → `0`. */
export function priceNumber(cents: number | null): string {
  if (cents === null) return '0';
  const whole = Math.floor(cents / 100);
  const fraction = String(cents % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

export function formatLighterPackRow(row: LighterPackExportRow): string {
  const fields = [
    row.name,
    row.category,
    row.description,
    String(row.qty),
    weightNumber(row.weightGrams, row.unit),
    LIGHTERPACK_UNIT_WORDS[row.unit],
    row.url ?? '',
    priceNumber(row.priceCents),
    row.worn ? 'Worn' : '',
    row.consumable ? 'Consumable' : '',
  ];
  return `${fields.map(csvField).join(',')}\n`;
}

export function formatLighterPackCsv(rows: readonly LighterPackExportRow[]): string {
  return `${LIGHTERPACK_HEADER}\n${rows.map(formatLighterPackRow).join('')}`;
}

/**
 * The download name (without `.csv`): characters outside `a-z0-9-` become `_`, as issue 7
 * words it. LighterPack's own route ignores case (`/[^a-z0-9-]/gi`, keeping capitals); the
 * issue's wording wins here, so "PCT 2026" downloads as `____2026.csv`.
 */
export function lighterPackFileName(packName: string): string {
  return packName.replace(/[^a-z0-9-]/g, '_');
}
