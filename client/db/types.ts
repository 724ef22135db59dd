// Row types of the local database. The synced tables' rows are exactly the shared
// schemas of docs/api.md "Tables and fields" and keep their names there (Item, List, …:
// shared/schemas); this file only adds what is local to a device: the partial
// settings row, the outbox and meta.
// Every synced row carries `deleted`: deleting is writing `deleted: true`, never removing.
import type { Settings } from '../../shared/schemas';
import type { TableName } from '../../shared/schemas/constants';

export type { WeightUnit } from '../../shared/units';
export { TABLE_NAMES as SYNCED_TABLES, SETTINGS_ID } from '../../shared/schemas/constants';

export type SyncedTable = TableName;

/** Tables that never leave the device. */
export const LOCAL_TABLES = ['outbox', 'meta'] as const;
export type LocalTable = (typeof LOCAL_TABLES)[number];

/**
 * The one settings row. Its fields are optional because a device writes only the
 * fields the user changed: a fresh device that wrote all defaults would, once synced,
 * overwrite choices made earlier on another device. Readers fill in the defaults.
 */
export type SettingsRow = Pick<Settings, 'id'> & Partial<Omit<Settings, 'id'>>;

/**
 * One write of one row waiting to be pushed, appended in the same transaction as the write:
 * the fields it changed, each with the value written, all stamped with the one hlc the
 * write took. A push sends each field as a cell of its own (docs/api.md "Sync"). Entries
 * are only ever appended and deleted, never changed: a later write to the same row is an
 * entry of its own, with a greater seq.
 */
export interface OutboxEntry {
  /** Auto-incremented by IndexedDB: add() takes the entry without it and returns it. */
  seq: number;
  table: SyncedTable;
  id: string;
  /** field → value; never empty. */
  values: Record<string, unknown>;
  hlc: string;
}

/** An outbox entry as it is added (IndexedDB assigns the seq). */
export type NewOutboxEntry = Omit<OutboxEntry, 'seq'>;

/** One field of one row with its value and stamp: what a push sends (docs/api.md). */
export interface OutboxCell {
  table: SyncedTable;
  id: string;
  field: string;
  value: unknown;
  hlc: string;
}

/** The cells of an entry, in the order its fields were written. */
export function cellsOfEntry(entry: NewOutboxEntry): OutboxCell[] {
  const { table, id, hlc } = entry;
  return Object.entries(entry.values).map(([field, value]) => ({ table, id, field, value, hlc }));
}

/**
 * Device-local state: this install's nodeId, the last hlc issued, the pull cursor, the
 * first-run sample data (whether it was seeded, and the ids of its rows), the
 * signed-in account (`{id, email, signedInAt}` as JSON, never a token: client/auth),
 * and `resync`, present while a full pull from the start has not finished
 * (client/sync/resync.ts).
 */
export type MetaKey = 'nodeId' | 'hlc' | 'cursor' | 'seeded' | 'sampleRows' | 'account' | 'resync';
export interface MetaRow {
  key: MetaKey;
  value: string;
}
