// Rows → tab-separated text with a header, quoted as spreadsheets quote (a cell holding a
// tab, a newline or a quote is wrapped in quotes, inner quotes doubled), so a list can be
// copied back into a spreadsheet and the reader's round trip can be tested.
import Papa from 'papaparse';
import type { SheetRow } from './read';

export const TSV_HEADER = [
  'Name',
  'Description',
  'Weight',
  'Unit',
  'Qty',
  'Worn',
  'Consumable',
  'Price',
  'Category',
];

const price = (row: SheetRow): string => {
  if (row.priceCents === null) return '';
  const amount = `${Math.floor(row.priceCents / 100)}.${String(row.priceCents % 100).padStart(2, '0')}`;
  return row.currency === null ? amount : `${row.currency} ${amount}`;
};

export function formatSheetTsv(rows: readonly SheetRow[]): string {
  const data = rows.map((row) => [
    row.name,
    row.description,
    String(row.weight),
    row.unit,
    String(row.qty),
    String(row.wornQty),
    row.consumable ? 'yes' : 'no',
    price(row),
    row.category,
  ]);
  return Papa.unparse([TSV_HEADER, ...data], { delimiter: '\t', newline: '\r\n' });
}
