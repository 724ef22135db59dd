// The header of a LighterPack CSV: columns are found by name (any case, any order, extra
// columns ignored), never by position, so files from spreadsheets and other apps that
// reorder or add columns still read. LighterPack's own spellings come first; a few
// obvious synonyms (`name`, `description`, `quantity`) are accepted as well.

export const COLUMNS = [
  'name',
  'category',
  'description',
  'qty',
  'weight',
  'unit',
  'url',
  'price',
  'worn',
  'consumable',
] as const;
export type Column = (typeof COLUMNS)[number];

/** Where each column is in a record; a column the file lacks is absent. */
export type ColumnIndex = Partial<Record<Column, number>>;

const HEADER_NAMES: ReadonlyMap<string, Column> = new Map([
  ['item name', 'name'],
  ['name', 'name'],
  ['category', 'category'],
  ['desc', 'description'],
  ['description', 'description'],
  ['qty', 'qty'],
  ['quantity', 'qty'],
  ['weight', 'weight'],
  ['unit', 'unit'],
  ['url', 'url'],
  ['price', 'price'],
  ['worn', 'worn'],
  ['consumable', 'consumable'],
]);

/** Columns without which no row could be read. */
const REQUIRED: readonly { column: Column; title: string }[] = [
  { column: 'name', title: 'Item Name' },
  { column: 'weight', title: 'weight' },
  { column: 'unit', title: 'unit' },
];

/** The column positions of a header record, or a message naming what is missing. */
export function readHeader(cells: readonly string[]): { columns: ColumnIndex } | { error: string } {
  const columns: ColumnIndex = {};
  cells.forEach((cell, i) => {
    const column = HEADER_NAMES.get(cell.trim().toLowerCase());
    // A repeated column: the first one counts.
    if (column && columns[column] === undefined) columns[column] = i;
  });
  const missing = REQUIRED.filter(({ column }) => columns[column] === undefined);
  if (missing.length === 0) return { columns };
  const names = missing.map(({ title }) => `“${title}”`).join(', ');
  return {
    error: `The first line has no ${names} column, so this does not look like a LighterPack CSV.`,
  };
}
