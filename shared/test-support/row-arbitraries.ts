// fast-check generators of stored rows of every synced table, as a device holds them:
// `{id, ...fields, _hlc: {field: hlc}}`, often partial (a row pulled halfway), every value
// valid for its field ([S1]-[S7]) and join rows whose parent fields agree with the id [S4].
// Stamps come from a few nodes over a few years, so rows from several devices mix.
import fc from 'fast-check';
import { formatHlc } from '../hlc';
import {
  ITEM_STATUSES,
  JOIN_TABLE_PARTS,
  SETTINGS_ID,
  TABLE_NAMES,
  THEMES,
  isJoinTable,
} from '../schemas';
import type { TableName } from '../schemas';
import { DISPLAY_UNITS, UNIT_SYSTEMS, WEIGHT_UNITS } from '../units';

export type StampedRow = { id: string; _hlc: Record<string, string> } & Record<string, unknown>;
export type StampedTables = Record<TableName, StampedRow[]>;

const NODES = ['0000000000000001', '00000000000000aa', 'fedcba9876543210'];
const FROM = Date.parse('2024-01-01T00:00:00.000Z');
const TO = Date.parse('2027-01-01T00:00:00.000Z');

export const rowHlcArb = fc
  .record({
    millis: fc.integer({ min: FROM, max: TO }),
    counter: fc.integer({ min: 0, max: 3 }),
    node: fc.constantFrom(...NODES),
  })
  .map(formatHlc);

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789-_'.split('');
const idPartArb = fc.string({ unit: fc.constantFrom(...ID_CHARS), minLength: 1, maxLength: 6 });
const nameArb = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0);
const textArb = fc.string({ maxLength: 20, unit: 'grapheme' }).filter((s) => s.length <= 200);
const sortKeyArb = fc.string({ minLength: 1, maxLength: 8 });
const colorArb = fc.option(fc.integer({ min: 0, max: 9 }));
const qtyArb = fc.integer({ min: 0, max: 10000 });
// -0 is left out: JSON (sync and backups alike) writes it as 0.
const gramsArb = fc.oneof(
  fc.integer({ min: 0, max: 1e6 }),
  fc.double({ min: 0, max: 1e6, noNaN: true }).filter((x) => !Object.is(x, -0)),
);
const dateArb = fc.option(fc.constantFrom('2026-06-01', '2000-02-29', '0001-01-01', '9999-12-31'));

const COMMON = { notes: textArb, color: colorArb, deleted: fc.boolean() };
const SORTED = { ...COMMON, sortKey: sortKeyArb };

/** The fields of each table other than join parents (those come from the id). */
const FIELDS: Record<TableName, Record<string, fc.Arbitrary<unknown>>> = {
  items: {
    ...COMMON,
    name: nameArb,
    brand: textArb,
    weightGrams: gramsArb,
    weightUnit: fc.option(fc.constantFrom(...WEIGHT_UNITS)),
    priceCents: fc.option(fc.integer({ min: 0, max: 1e9 })),
    currency: fc.option(fc.constantFrom('EUR', 'USD', 'GBP')),
    url: fc.option(fc.constantFrom('https://example.com/tent', 'http://a.example/b?c=d#e')),
    status: fc.constantFrom(...ITEM_STATUSES),
  },
  lists: { ...SORTED, name: nameArb },
  listEntries: { qty: qtyArb, wornQty: qtyArb, consumable: fc.boolean(), ...pick(SORTED) },
  packs: { ...SORTED, name: nameArb },
  packLists: pick(SORTED),
  trips: {
    ...COMMON,
    name: nameArb,
    packId: fc.option(idPartArb),
    startDate: dateArb,
    endDate: dateArb,
    location: textArb,
    checksResetAt: fc.option(rowHlcArb),
  },
  tripChecks: { checked: fc.boolean(), deleted: fc.boolean() },
  settings: {
    units: fc.constantFrom(...DISPLAY_UNITS),
    unitSystem: fc.constantFrom(...UNIT_SYSTEMS),
    theme: fc.constantFrom(...THEMES),
    backupDownloadedAt: fc.integer({ min: 0, max: 8.64e15 }),
    backupReminderShownAt: fc.integer({ min: 0, max: 8.64e15 }),
    deleted: fc.boolean(),
  },
};

function pick({ sortKey, deleted }: typeof SORTED) {
  return { sortKey, deleted };
}

function idArb(table: TableName): fc.Arbitrary<string> {
  if (table === 'settings') return fc.constant(SETTINGS_ID);
  return isJoinTable(table)
    ? fc.tuple(idPartArb, idPartArb).map(([a, b]) => `${a}:${b}`)
    : idPartArb;
}

/** The parent fields of a join row, as its id says. */
function parentsOf(table: TableName, id: string): Record<string, string> {
  if (!isJoinTable(table)) return {};
  const [first, second] = JOIN_TABLE_PARTS[table];
  const cut = id.indexOf(':');
  return { [first]: id.slice(0, cut), [second]: id.slice(cut + 1) };
}

/** One row of `table` with at least one field, each field with its own stamp. */
export function stampedRowArb(table: TableName, ids = idArb(table)): fc.Arbitrary<StampedRow> {
  const fields = { ...FIELDS[table], ...parentArbs(table) };
  return fc
    .tuple(ids, fc.record(fields, { requiredKeys: [] }), fc.array(rowHlcArb, { minLength: 12 }))
    .filter(([, values]) => Object.keys(values).length > 0)
    .map(([id, values, hlcs]) => {
      const row: Record<string, unknown> = { id, ...values };
      for (const [field, value] of Object.entries(parentsOf(table, id)))
        if (field in values) row[field] = value;
      const stamps = Object.fromEntries(Object.keys(values).map((f, i) => [f, hlcs[i] ?? '']));
      return { ...row, _hlc: stamps } as StampedRow;
    });
}

/** Placeholders for join parents, so the record may leave them out; parentsOf fills them. */
function parentArbs(table: TableName): Record<string, fc.Arbitrary<unknown>> {
  if (!isJoinTable(table)) return {};
  return Object.fromEntries(JOIN_TABLE_PARTS[table].map((field) => [field, fc.constant('')]));
}

/** Up to `max` rows of every table, ids unique per table (`ids` narrows them to overlap). */
export function stampedTablesArb(
  max = 4,
  ids: (table: TableName) => fc.Arbitrary<string> = idArb,
): fc.Arbitrary<StampedTables> {
  const tables = TABLE_NAMES.map((table) =>
    fc.uniqueArray(stampedRowArb(table, ids(table)), {
      maxLength: table === 'settings' ? 1 : max,
      selector: (row) => row.id,
    }),
  );
  return fc
    .tuple(...tables)
    .map((rows) => Object.fromEntries(TABLE_NAMES.map((t, i) => [t, rows[i] ?? []])))
    .map((tables) => tables as StampedTables);
}

/** Ids from a pool of three per table, so that two draws share rows. */
export function pooledIdArb(table: TableName): fc.Arbitrary<string> {
  if (table === 'settings') return fc.constant(SETTINGS_ID);
  return fc.constantFrom(...(isJoinTable(table) ? ['a:x', 'a:y', 'b:x'] : ['r1', 'r2', 'r3']));
}
