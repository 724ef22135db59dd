// Which field each column of a pasted table holds. A header row names them ("Item",
// "Weight (g)", "Qty"…); without one the values decide: a column of numbers next to a
// column of unit words is the weight, "120 g" cells are a weight, "$12" cells a price,
// x/yes cells a flag, small whole numbers a quantity, and the text columns are, in order,
// name, description and category. The guess is only a start: the preview lets the user
// change every column's field.
import { parseLighterPackUnit } from '../lighterpack/units';
import { isFlagWord, readPriceCell, readWeightCell } from './cells';

export const SHEET_FIELDS = [
  'name',
  'description',
  'weight',
  'unit',
  'qty',
  'worn',
  'consumable',
  'price',
  'category',
] as const;
export type SheetField = (typeof SHEET_FIELDS)[number];

/** One field (or null: not imported) per column of the table. */
export type ColumnMapping = readonly (SheetField | null)[];

export const FIELD_LABELS: Readonly<Record<SheetField, string>> = {
  name: 'Name',
  description: 'Description / brand',
  weight: 'Weight',
  unit: 'Unit',
  qty: 'Quantity',
  worn: 'Worn',
  consumable: 'Consumable',
  price: 'Price',
  category: 'Category (not kept)',
};

const HEADER_WORDS: ReadonlyMap<string, SheetField> = new Map([
  ...['name', 'item', 'itemname', 'gear', 'title', 'product'].map((w) => [w, 'name'] as const),
  ...['description', 'desc', 'brand', 'model', 'details', 'maker', 'manufacturer'].map(
    (w) => [w, 'description'] as const,
  ),
  ...['weight', 'wt', 'mass', 'weighteach', 'itemweight'].map((w) => [w, 'weight'] as const),
  ...['unit', 'units', 'weightunit', 'uom'].map((w) => [w, 'unit'] as const),
  ...['qty', 'quantity', 'count', 'number', 'amount', 'pcs'].map((w) => [w, 'qty'] as const),
  ...['worn', 'wornqty', 'wearing'].map((w) => [w, 'worn'] as const),
  ...['consumable', 'consumables', 'consumed', 'food'].map((w) => [w, 'consumable'] as const),
  ...['price', 'cost'].map((w) => [w, 'price'] as const),
  ...['category', 'categories', 'group', 'section', 'type'].map((w) => [w, 'category'] as const),
]);

/** "Weight (g)" → "weight", "Item name" → "itemname", "Qty." → "qty". */
function headerKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .replace(/[^a-z]/g, '');
}

/** The field a header cell names, or null. */
export function fieldOfHeader(text: string): SheetField | null {
  return HEADER_WORDS.get(headerKey(text)) ?? null;
}

/** Each header cell's field, a field taken once (the first column naming it wins). */
export function mappingFromHeader(header: readonly string[]): (SheetField | null)[] {
  const taken = new Set<SheetField>();
  return header.map((cell) => {
    const field = fieldOfHeader(cell);
    if (field === null || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** A first row is a header when it names two fields, or a name and holds no weight. */
export function looksLikeHeader(row: readonly string[]): boolean {
  const named = mappingFromHeader(row).filter((field) => field !== null).length;
  if (named >= 2) return true;
  return named === 1 && !row.some((cell) => readWeightCell(cell).ok);
}

type Shape = 'empty' | 'unit' | 'weight' | 'price' | 'flag' | 'count' | 'number' | 'text';

// Most, not all: a bad row or two must not hide what a column is.
const MOST = 0.6;

/** What most non-empty cells of a column look like. */
function columnShape(cells: readonly string[]): Shape {
  const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  if (filled.length === 0) return 'empty';
  const share = (test: (cell: string) => boolean) =>
    filled.filter(test).length / filled.length >= MOST;
  const bare = (cell: string) => {
    const weight = readWeightCell(cell);
    return weight.ok && weight.value.unit === null;
  };
  if (share((cell) => parseLighterPackUnit(cell) !== null)) return 'unit';
  if (share((cell) => /^[\d.,\s]+$/.test(cell) === false && readWeightCell(cell).ok))
    return 'weight';
  if (share((cell) => /[$€£¥]/.test(cell) && readPriceCell(cell).ok)) return 'price';
  if (share((cell) => /^\d{1,3}$/.test(cell) && Number(cell) <= 100)) {
    // Only 0s and 1s is a flag column; all 1s, or an 8 among them, is a quantity.
    const flags = filled.every((cell) => cell === '0' || cell === '1') && filled.includes('0');
    return flags ? 'flag' : 'count';
  }
  if (share(isFlagWord)) return 'flag';
  if (share(bare)) return 'number';
  return 'text';
}

/** A field per column from the values of the data rows (no header). */
export function mappingFromValues(rows: readonly (readonly string[])[]): (SheetField | null)[] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  const shapes = Array.from({ length: width }, (_, i) =>
    columnShape(rows.map((row) => row[i] ?? '')),
  );
  const mapping: (SheetField | null)[] = shapes.map(() => null);
  const taken = new Set<SheetField>();
  const assign = (i: number, field: SheetField) => {
    if (taken.has(field) || mapping[i] !== null) return;
    mapping[i] = field;
    taken.add(field);
  };
  // A number with a unit-like neighbour is the weight; a unit column is the unit.
  shapes.forEach((shape, i) => {
    if (shape === 'unit') {
      assign(i, 'unit');
      const left = shapes[i - 1];
      if (left === 'number' || left === 'count') assign(i - 1, 'weight');
    }
    if (shape === 'weight') assign(i, 'weight');
    if (shape === 'price') assign(i, 'price');
  });
  shapes.forEach((shape, i) => {
    if (shape === 'number') assign(i, taken.has('weight') ? 'price' : 'weight');
    if (shape === 'count') assign(i, taken.has('qty') ? 'price' : 'qty');
  });
  const flags = flagColumns(rows, shapes);
  flags.forEach(([i, field]) => assign(i, field));
  for (const [i, shape] of shapes.entries()) {
    if (shape !== 'text') continue;
    const field = (['name', 'description', 'category'] as const).find((f) => !taken.has(f));
    if (field) assign(i, field);
  }
  return mapping;
}

/** Flag columns, worn first unless a column's cells say "consumable". */
function flagColumns(
  rows: readonly (readonly string[])[],
  shapes: readonly Shape[],
): [number, SheetField][] {
  const out: [number, SheetField][] = [];
  const free: number[] = [];
  shapes.forEach((shape, i) => {
    if (shape !== 'flag') return;
    const words = new Set(rows.map((row) => (row[i] ?? '').trim().toLowerCase()));
    if (words.has('consumable')) out.push([i, 'consumable']);
    else if (words.has('worn')) out.push([i, 'worn']);
    else free.push(i);
  });
  const left = (['worn', 'consumable'] as const).filter((f) => !out.some(([, g]) => g === f));
  free.forEach((i, n) => {
    const field = left[n];
    if (field) out.push([i, field]);
  });
  return out;
}
