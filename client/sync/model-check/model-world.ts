// The world of the model-based sync test: one user with three devices and a second user
// with one, a small fixed universe of rows and values, and the reference model — for each
// cell, the write with the greatest hlc among all the writes its user made.
//
// Rules the generated schedules keep, so the reference is well defined under tombstone
// purges (a purge forgets history, by design):
// - each row has one creating device (two creators would each write `deleted: false`,
//   and a late one could resurrect a purged row with half its history gone);
// - once any device deletes a row, nobody writes to it again.
// With those, a deleted row stays deleted everywhere (the deleter's hlc is after every
// write it saw, [C4]), and rows never purged must match the reference cell by cell.
import { compareHlc } from '../../../shared/hlc';
import { SAMPLE_ROWS } from '../../../shared/test-support/sample-rows';

export const USERS = ['A', 'B'] as const;
export type UserName = (typeof USERS)[number];

/** Devices 0..2 belong to user A, device 3 to user B. */
export const DEVICES = [
  { user: 'A', name: 'phone' },
  { user: 'A', name: 'desktop' },
  { user: 'A', name: 'tablet' },
  { user: 'B', name: 'other' },
] as const satisfies readonly { user: UserName; name: string }[];

export interface ModelRow {
  table: 'items' | 'listEntries';
  id: string;
  /** The full row a creation writes (besides `id`). */
  initial: Record<string, unknown>;
  /** Per user: the device index that creates it. */
  creator: Record<UserName, number>;
}

/** A whole row of SAMPLE_ROWS without its id: what a creation writes. */
function initialOf<T extends { id: string }>(row: T, overrides: Partial<T>) {
  const whole: Record<string, unknown> = { ...row, ...overrides };
  delete whole.id;
  return whole;
}

const item = (n: number): ModelRow => ({
  table: 'items',
  id: `item-${n}`,
  initial: initialOf(SAMPLE_ROWS.items, { name: `Item ${n}`, weightGrams: 100 }),
  creator: { A: n % 3, B: 3 },
});

const entry = (n: number): ModelRow => ({
  table: 'listEntries',
  id: `list-0:item-${n}`,
  initial: initialOf(SAMPLE_ROWS.listEntries, {
    listId: 'list-0',
    itemId: `item-${n}`,
    qty: 1,
    wornQty: 0,
    sortKey: `a${n}`,
  }),
  creator: { A: (n + 1) % 3, B: 3 },
});

export const ROWS: readonly ModelRow[] = [item(0), item(1), item(2), entry(0), entry(1)];

/** The fields a schedule edits, with the values it picks from (small, so repeats happen). */
export const EDITS: Readonly<Record<ModelRow['table'], Readonly<Record<string, unknown[]>>>> = {
  items: {
    name: ['Tent', 'Quilt', 'Stove', 'Item'],
    weightGrams: [0, 100, 250.5, 1200],
    notes: ['', 'patched', 'spare'],
  },
  listEntries: { qty: [0, 1, 2, 5], wornQty: [0, 1], consumable: [false, true] },
};

export interface Write {
  user: UserName;
  table: string;
  id: string;
  field: string;
  value: unknown;
  hlc: string;
}

export interface Cell {
  value: unknown;
  hlc: string;
}

export const cellKey = (table: string, id: string, field: string) => `${table}/${id}/${field}`;
export const rowKeyOf = (table: string, id: string) => `${table}/${id}`;

/** Per user, per cell: the write with the greatest hlc. */
export function referenceCells(writes: readonly Write[], user: UserName): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const w of writes) {
    if (w.user !== user) continue;
    const key = cellKey(w.table, w.id, w.field);
    const known = cells.get(key);
    if (!known || compareHlc(w.hlc, known.hlc) > 0) cells.set(key, { value: w.value, hlc: w.hlc });
  }
  return cells;
}

/** What a user sees: every row whose `deleted` is exactly false, with its field values. */
export function visibleRows(cells: ReadonlyMap<string, Cell>): Record<string, unknown> {
  const rows = new Map<string, Record<string, unknown>>();
  for (const [key, cell] of cells) {
    const cut = key.lastIndexOf('/');
    const row = rows.get(key.slice(0, cut)) ?? {};
    row[key.slice(cut + 1)] = cell.value;
    rows.set(key.slice(0, cut), row);
  }
  const visible: Record<string, unknown> = {};
  for (const [row, fields] of [...rows].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (fields.deleted === false) visible[row] = fields;
  }
  return visible;
}
