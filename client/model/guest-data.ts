// What a device holds before it joins an account, and wiping it. Signing in on a
// device that was used as a guest asks whether to keep that data (it is then synced
// into the account: guest-data-keep.ts) or discard it, unless the only data is the
// untouched first-run sample, which is simply removed (model/first-run.ts). Which
// rows count as the user's own follows "Remove sample data" (domain/sample-in-use.ts):
// a sample row the user edited or still uses from their own rows is theirs.
//
// Discarding is the one place synced rows are deleted outright (see
// db/hlc-middleware.ts `allowHardDeletes`): the rows were never synced, or belong to
// an account that keeps its own copy, so there is no deletion to tell other devices.
import { Dexie } from 'dexie';
import { parseHlc } from '../../shared/hlc-format';
import type { PybDatabase } from '../db/db';
import { allowHardDeletes } from '../db/hlc-middleware';
import { SYNCED_TABLES, type SyncedTable } from '../db/types';
import { sampleRowsInUse, type SampleTables } from '../domain/sample-in-use';
import { readSampleIds, SAMPLE_TABLES, type SampleIds } from './first-run';

export type LocalRow = { id: string; deleted?: boolean } & Record<string, unknown>;
export type TableCounts = Record<SyncedTable, number>;

export interface LocalDataSummary {
  /** Live rows that are the user's own (untouched sample rows not counted), per table. */
  own: TableCounts;
  /** Live rows of the untouched first-run sample. */
  sample: number;
  /**
   * When the oldest of the user's own rows (settings aside) was first written, from its
   * hlcs (ms since the epoch); null when there is none. The backup reminder waits a week.
   */
  ownSince: number | null;
}

/** Whether the user made something (an item, a list, …), not just chose a setting. */
export function hasOwnContent(summary: LocalDataSummary): boolean {
  return Object.entries(summary.own).some(([table, count]) => table !== 'settings' && count > 0);
}

/** empty: nothing live; sample-only: just the untouched sample; own-data: anything else. */
export type LocalDataKind = 'empty' | 'sample-only' | 'own-data';

export function kindOf(summary: LocalDataSummary): LocalDataKind {
  if (Object.values(summary.own).some((count) => count > 0)) return 'own-data';
  return summary.sample > 0 ? 'sample-only' : 'empty';
}

/** The synced tables as plain tables of rows (Dexie's per-table types differ). */
export const syncedTablesOf = (database: PybDatabase) =>
  SYNCED_TABLES.map((name) => database.table<LocalRow, string>(name));

/** Fields that are bookkeeping, not something the user chose. */
const NOT_CONTENT = new Set([
  'id',
  '_hlc',
  'deleted',
  'backupDownloadedAt',
  'backupReminderShownAt',
]);

/** Whether a row is data the user would lose: not deleted (a partial row counts). */
function holdsData(table: SyncedTable, row: LocalRow): boolean {
  if (row.deleted === true) return false;
  // The settings row holds only the fields the user changed (db/types.ts).
  return table !== 'settings' || Object.keys(row).some((field) => !NOT_CONTENT.has(field));
}

/** Reads every synced row once, in one transaction, and counts what is whose. */
export async function summarizeLocalData(database: PybDatabase): Promise<LocalDataSummary> {
  return database.transaction('r', [...syncedTablesOf(database), database.meta], async () => {
    const all = await Promise.all(syncedTablesOf(database).map((table) => table.toArray()));
    const rows = Object.fromEntries(SYNCED_TABLES.map((t, i) => [t, all[i] ?? []])) as Record<
      SyncedTable,
      LocalRow[]
    >;
    const untouched = untouchedSample(rows, await readSampleIds(database));
    const own = Object.fromEntries(SYNCED_TABLES.map((t) => [t, 0])) as TableCounts;
    let sample = 0;
    let ownSince: number | null = null;
    for (const table of SYNCED_TABLES) {
      for (const row of rows[table]) {
        if (!holdsData(table, row)) continue;
        if (untouched.has(`${table}/${row.id}`)) {
          sample += 1;
          continue;
        }
        own[table] += 1;
        const written = table === 'settings' ? null : firstWritten(row);
        if (written !== null && (ownSince === null || written < ownSince)) ownSince = written;
      }
    }
    return { own, sample, ownSince };
  });
}

/** The earliest hlc time of a row's cells, null when it has none (an unstamped row). */
function firstWritten(row: LocalRow): number | null {
  const stamps = row['_hlc'];
  if (typeof stamps !== 'object' || stamps === null) return null;
  let first: number | null = null;
  for (const hlc of Object.values(stamps)) {
    const millis = typeof hlc === 'string' ? parseHlc(hlc)?.millis : undefined;
    if (millis !== undefined && (first === null || millis < first)) first = millis;
  }
  return first;
}

/** `table/id` of every sample row the user has not made their own. */
function untouchedSample(rows: Record<SyncedTable, LocalRow[]>, ids: SampleIds | null) {
  const untouched = new Set<string>();
  if (!ids) return untouched;
  const sets = Object.fromEntries(SAMPLE_TABLES.map((t) => [t, new Set(ids[t])])) as Record<
    (typeof SAMPLE_TABLES)[number],
    Set<string>
  >;
  const kept = sampleRowsInUse(rows as unknown as SampleTables, sets);
  for (const table of SAMPLE_TABLES)
    for (const id of sets[table]) if (!kept[table].has(id)) untouched.add(`${table}/${id}`);
  return untouched;
}

/**
 * Wipes this device's copy of the data: every row of the synced tables, the outbox,
 * the pull cursor and the sample's ids, in one transaction. The install's clock and
 * node id stay (a node id is never reused), and so does `seeded`, so the sample is not
 * planted again. Callers may wrap it in a larger transaction (sign-in writes the
 * account in the same one).
 */
export async function discardLocalData(database: PybDatabase): Promise<void> {
  const tables = [...syncedTablesOf(database), database.outbox, database.meta];
  await database.transaction('rw', tables, async () => {
    const transaction = Dexie.currentTransaction;
    if (!transaction) throw new Error('discardLocalData needs its transaction');
    allowHardDeletes(transaction);
    for (const table of syncedTablesOf(database)) await table.clear();
    await database.outbox.clear();
    await database.meta.bulkDelete(['cursor', 'sampleRows']);
  });
}
