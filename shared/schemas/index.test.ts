import { describe, expect, it } from 'vitest';
import {
  TABLE_NAMES,
  fieldSchemaFor,
  idSchemaFor,
  isTableName,
  rowSchemas,
  tableFields,
} from './index';
import type { TableName } from './index';
import { SAMPLE_ROWS } from '../test-support/sample-rows';

// The field lists of docs/api.md "Tables and fields", `deleted` added to every table.
const API_FIELDS: Record<TableName, string[]> = {
  items: [
    'name',
    'brand',
    'weightGrams',
    'weightUnit',
    'priceCents',
    'currency',
    'url',
    'notes',
    'color',
    'status',
  ],
  lists: ['name', 'notes', 'color', 'sortKey'],
  listEntries: ['listId', 'itemId', 'qty', 'wornQty', 'consumable', 'sortKey'],
  packs: ['name', 'notes', 'color', 'sortKey'],
  packLists: ['packId', 'listId', 'sortKey'],
  trips: ['name', 'packId', 'startDate', 'endDate', 'location', 'notes', 'color', 'checksResetAt'],
  tripChecks: ['tripId', 'itemId', 'checked'],
  settings: ['units', 'unitSystem', 'theme', 'backupDownloadedAt', 'backupReminderShownAt'],
};

describe('tables', () => {
  it('[S1] TABLE_NAMES are the eight synced tables, spelled as on the wire', () => {
    expect(TABLE_NAMES).toEqual([
      'items',
      'lists',
      'listEntries',
      'packs',
      'packLists',
      'trips',
      'tripChecks',
      'settings',
    ]);
  });

  it.each(TABLE_NAMES)('[S1] %s has exactly the fields of docs/api.md plus deleted', (table) => {
    expect(Object.keys(tableFields[table]).sort()).toEqual(
      [...API_FIELDS[table], 'deleted'].sort(),
    );
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'id', 'Name'])(
    '[S1] %s is not a field of any table',
    (field) => {
      for (const table of TABLE_NAMES) expect(fieldSchemaFor(table, field)).toBeUndefined();
    },
  );

  it.each([
    ['items', true],
    ['listEntries', true],
    ['Items', false],
    ['list_entries', false],
    ['constructor', false],
    ['__proto__', false],
    [undefined, false],
  ])('isTableName(%j) is %s', (name, ok) => {
    expect(isTableName(name)).toBe(ok);
  });
});

describe('idSchemaFor', () => {
  const uuid = '0193a6f1-7c2e-7b3a-9d4e-1f2a3b4c5d6e';
  it.each<[TableName, string, boolean]>([
    ['items', uuid, true],
    ['items', 'a', true],
    ['items', 'a'.repeat(80), true],
    ['items', 'a'.repeat(81), false],
    ['items', '', false],
    ['items', 'lp:import_1-A', true],
    ['items', 'a b', false],
    ['items', 'a/b', false],
    ['items', 'é', false],
    ['lists', `${uuid}\n`, false],
    ['listEntries', `${uuid}:${uuid}`, true],
    ['listEntries', 'a:b', true],
    ['listEntries', 'ab', false],
    ['listEntries', ':b', false],
    ['listEntries', 'a:', false],
    ['listEntries', `a:${'b'.repeat(78)}`, true],
    ['listEntries', `a:${'b'.repeat(79)}`, false],
    ['packLists', 'p:l', true],
    ['packLists', 'pl', false],
    ['tripChecks', 't:i', true],
    ['tripChecks', 't i:x', false],
    ['settings', 'settings', true],
    ['settings', 'Settings', false],
    ['settings', uuid, false],
  ])('[S4] %s id %j → %s', (table, id, ok) => {
    expect(idSchemaFor(table).safeParse(id).success).toBe(ok);
  });
});

describe('row schemas', () => {
  const rows = SAMPLE_ROWS;

  it.each(TABLE_NAMES)('[S1] a full %s row parses', (table) => {
    expect(rowSchemas[table].parse(rows[table])).toEqual(rows[table]);
  });

  it.each(TABLE_NAMES)('[S2] a %s row missing a field is rejected', (table) => {
    const partial = Object.fromEntries(
      Object.entries(rows[table]).filter(([key]) => key !== 'deleted'),
    );
    expect(rowSchemas[table].safeParse(partial).success).toBe(false);
  });

  it('[S1] unknown keys are stripped, not an error', () => {
    expect(rowSchemas.lists.parse({ ...rows.lists, extra: 1 })).toEqual(rows.lists);
  });

  it.each([
    ['listEntries', { ...rows.listEntries, id: 'l1:i2' }],
    ['listEntries', { ...rows.listEntries, listId: 'l2' }],
    ['packLists', { ...rows.packLists, id: 'l1:p1' }],
    ['tripChecks', { ...rows.tripChecks, itemId: 'x' }],
  ] as const)('[S4] a %s row whose id is not <a>:<b> of its parents is rejected', (table, row) => {
    expect(rowSchemas[table].safeParse(row).success).toBe(false);
  });
});
