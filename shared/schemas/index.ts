// The synced tables in one place: their names exactly as on the wire, the schema of every
// field (for validating one cell of a sync change) and of every whole row (for exports,
// imports and reading IndexedDB). One file per table holds the details.
import type { z } from 'zod';
import { ID_PATTERN, idSchema } from './common';
import { TABLE_NAMES, type TableName } from './constants';
import { itemFields, itemSchema } from './items';
import type { Item } from './items';
import { hasJoinColon, joinIdSchema } from './join-id';
import { listEntryFields, listEntrySchema } from './list-entries';
import type { ListEntry } from './list-entries';
import { listFields, listSchema } from './lists';
import type { List } from './lists';
import { packListFields, packListSchema } from './pack-lists';
import type { PackList } from './pack-lists';
import { packFields, packSchema } from './packs';
import type { Pack } from './packs';
import { SETTINGS_ID, settingsFields, settingsIdSchema, settingsSchema } from './settings';
import type { Settings } from './settings';
import { tripCheckFields, tripCheckSchema } from './trip-checks';
import type { TripCheck } from './trip-checks';
import { tripFields, tripSchema } from './trips';
import type { Trip } from './trips';

export * from './common';
export * from './calendar-date';
export * from './join-id';
export * from './items';
export * from './lists';
export * from './list-entries';
export * from './packs';
export * from './pack-lists';
export * from './trips';
export * from './trip-checks';
export * from './settings';

export { TABLE_NAMES, type TableName } from './constants';

export interface TableRows {
  items: Item;
  lists: List;
  listEntries: ListEntry;
  packs: Pack;
  packLists: PackList;
  trips: Trip;
  tripChecks: TripCheck;
  settings: Settings;
}

/** The value schema of every field of every table, `deleted` included (not `id`). */
export const tableFields: Readonly<Record<TableName, Readonly<Record<string, z.ZodType>>>> = {
  items: itemFields,
  lists: listFields,
  listEntries: listEntryFields,
  packs: packFields,
  packLists: packListFields,
  trips: tripFields,
  tripChecks: tripCheckFields,
  settings: settingsFields,
};

/** The schema of a whole row, id included. Unknown keys are stripped, never an error. */
export const rowSchemas: { readonly [T in TableName]: z.ZodType<TableRows[T]> } = {
  items: itemSchema,
  lists: listSchema,
  listEntries: listEntrySchema,
  packs: packSchema,
  packLists: packListSchema,
  trips: tripSchema,
  tripChecks: tripCheckSchema,
  settings: settingsSchema,
};

export function isTableName(s: unknown): s is TableName {
  return typeof s === 'string' && (TABLE_NAMES as readonly string[]).includes(s);
}

/**
 * The schema of `field` in `table`, or undefined if the table has no such field. Own keys
 * only: a plain lookup would find `constructor` or `__proto__` on Object.prototype and take
 * them for fields.
 */
export function fieldSchemaFor(table: TableName, field: string): z.ZodType | undefined {
  const fields = tableFields[table];
  return Object.hasOwn(fields, field) ? fields[field] : undefined;
}

/** [S4] Row ids: the general pattern for entities, `<a>:<b>` for joins, `settings`. */
export function idSchemaFor(table: TableName): z.ZodType<string> {
  switch (table) {
    case 'items':
    case 'lists':
    case 'packs':
    case 'trips':
      return idSchema;
    case 'listEntries':
    case 'packLists':
    case 'tripChecks':
      return joinIdSchema;
    case 'settings':
      return settingsIdSchema;
  }
}

/**
 * [S4] Whether `id` is an id of `table`: exactly `idSchemaFor(table).safeParse(id).success`
 * (a property test holds the two together), with the same patterns but without zod's
 * per-call cost, which a push pays once per cell.
 */
export function isIdFor(table: TableName, id: string): boolean {
  switch (table) {
    case 'items':
    case 'lists':
    case 'packs':
    case 'trips':
      return ID_PATTERN.test(id);
    case 'listEntries':
    case 'packLists':
    case 'tripChecks':
      return ID_PATTERN.test(id) && hasJoinColon(id);
    case 'settings':
      return id === SETTINGS_ID;
  }
}
