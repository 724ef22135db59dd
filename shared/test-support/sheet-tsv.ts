// Rows → tab-separated text with a header, quoted as spreadsheets quote (a cell holding a
// tab, a newline or a quote is wrapped in quotes, inner quotes doubled): what a user copies
// out of a spreadsheet, for the reader's round-trip property test.
import Papa from 'papaparse';
import { centsToText } from '../price';
import type { SheetRow } from '../sheet-import/read';

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
  const amount = centsToText(row.priceCents);
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
