// "Download backup" (/settings): every synced table of this device as the versioned JSON of
// shared/backup.ts, read in one transaction so the file is one consistent moment. Each row
// carries its cells with their hlc stamps, which is what lets a restore merge it cell by cell
// (backup-restore.ts) instead of overwriting newer edits.
//
// Not in a backup: the meta table (this install's node id and clock, the pull cursor, the
// signed-in account, the sample's ids) and the outbox. They describe the install, not the
// user's data, and restoring a node id elsewhere would make two devices one node.
import { BACKUP_STAMPS, makeBackup } from '../../shared/backup';
import type { Backup, BackupRow, BackupTables } from '../../shared/backup';
import { isHlc } from '../../shared/hlc';
import { fieldSchemaFor } from '../../shared/schemas';
import type { PybDatabase } from '../db/db';
import { CLOCK_FIELD } from '../db/stamp-row';
import { SYNCED_TABLES, type SyncedTable } from '../db/types';
import { syncedTablesOf, type LocalRow } from './guest-data';
import { localDateAfter } from './sample-data';

/** `packyourbag-backup-2026-06-01.json`, with the local calendar date of `now`. */
export function backupFileName(now: Date): string {
  return `packyourbag-backup-${localDateAfter(now, 0)}.json`;
}

/** Every synced row of the device as a backup made at `now`. */
export async function readBackup(database: PybDatabase, now: Date): Promise<Backup> {
  const tables = syncedTablesOf(database);
  const all = await database.transaction('r', tables, () =>
    Promise.all(tables.map((table) => table.toArray())),
  );
  const backup = Object.fromEntries(
    SYNCED_TABLES.map((name, i) => [name, (all[i] ?? []).flatMap((row) => backupRow(name, row))]),
  ) as BackupTables;
  return makeBackup(backup, now);
}

/** The backup as the text of the file (compact JSON: a large library stays small). */
export async function exportBackup(database: PybDatabase, now: Date): Promise<string> {
  return JSON.stringify(await readBackup(database, now));
}

/**
 * [B2] The row's stamped cells, or nothing when it has none. A field without a stamp was
 * never written through the clock, so there is nothing to merge it with; a key that is not
 * a field of the table (left by an older version) would make the file unreadable.
 */
function backupRow(table: SyncedTable, row: LocalRow): BackupRow[] {
  const stamps = (row[CLOCK_FIELD] ?? {}) as Record<string, unknown>;
  const cells: Record<string, unknown> = {};
  const kept: Record<string, string> = {};
  for (const [field, value] of Object.entries(row)) {
    const stamp = Object.hasOwn(stamps, field) ? stamps[field] : undefined;
    if (value === undefined || typeof stamp !== 'string' || !isHlc(stamp)) continue;
    if (!fieldSchemaFor(table, field)) continue;
    cells[field] = value;
    kept[field] = stamp;
  }
  if (Object.keys(kept).length === 0) return [];
  return [{ id: row.id, ...cells, [BACKUP_STAMPS]: kept }];
}
