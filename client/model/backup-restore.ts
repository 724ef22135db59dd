// "Restore backup" (/settings): merges a parsed backup (shared/backup.ts) into the local
// data cell by cell with the normal merge rule [B4]: a backup cell wins only over an older
// stamp of the same field, so restoring an old backup never overwrites a newer edit, and
// restoring the same backup twice changes nothing the second time. The preview runs the
// same merge without writing, to say what the restore would do.
//
// The restore is ONE transaction, marked `applyingRemote` (the rows keep the stamps they
// were written with; the middleware must not re-stamp them as new local edits):
//   1. merge every backup cell into its local row (db/merge-remote.ts, as a sync answer);
//   2. write the rows where some cell won;
//   3. queue exactly the winning cells, re-homed to this node (outbox-cells.ts), so they
//      reach the account once the device is signed in;
//   4. move the local clock past every winning hlc [C4], so a later edit here wins.
import { fieldsOf } from '../../shared/backup';
import type { Backup, BackupRow } from '../../shared/backup';
import type { PybDatabase } from '../db/db';
import { mergeIntoRow, receiveClock } from '../db/merge-remote';
import type { MergeableRow, RemoteCell } from '../db/merge-remote';
import { CLOCK_FIELD } from '../db/stamp-row';
import { SYNCED_TABLES, type SyncedTable } from '../db/types';
import { applyingRemote } from '../db/write-marks';
import { ensureNodeId } from '../db/node-id';
import { syncedTablesOf } from './guest-data';
import { queueCells } from './outbox-cells';

/** What a restore does to the rows of one table. */
export interface RowCounts {
  /** Rows this device does not have. */
  added: number;
  /** Rows it has, where at least one backup cell is newer. */
  updated: number;
  /** Rows where every backup cell is already here or older than what is. */
  unchanged: number;
}
export type RestoreCounts = Record<SyncedTable, RowCounts>;

export interface RestoreResult {
  counts: RestoreCounts;
  /** Cells queued to push. */
  queued: number;
}

interface Merged {
  row: MergeableRow;
  won: RemoteCell[];
}
type Plan = Record<SyncedTable, { existed: boolean; merged: Merged }[]>;

/** What restoring `backup` would do now, per table; writes nothing. */
export function previewRestore(database: PybDatabase, backup: Backup): Promise<RestoreCounts> {
  return database.transaction('r', syncedTablesOf(database), async () =>
    countsOf(await plan(database, backup)),
  );
}

/** [B4] Merges `backup` into the local data in one transaction (steps 1-4 above). */
export function restoreBackup(
  database: PybDatabase,
  backup: Backup,
  nowMillis: number,
): Promise<RestoreResult> {
  const tables = [...syncedTablesOf(database), database.outbox, database.meta];
  return database.transaction('rw', tables, async (transaction) => {
    applyingRemote(transaction);
    const planned = await plan(database, backup); // 1
    const counts = countsOf(planned);
    const changed = SYNCED_TABLES.map((name) =>
      planned[name].flatMap(({ merged }) => (merged.won.length > 0 ? [merged] : [])),
    );
    if (changed.every((rows) => rows.length === 0)) return { counts, queued: 0 };
    const nodeId = await ensureNodeId(database);
    let queued = 0;
    for (const [i, name] of SYNCED_TABLES.entries()) {
      const rows = changed[i] ?? [];
      await database.table<MergeableRow, string>(name).bulkPut(rows.map((m) => m.row)); // 2
      queued += await queueCells(database, name, rows.map(wonCells), nodeId); // 3
    }
    const won = changed.flat().flatMap((merged) => merged.won);
    await receiveClock(database, won, nowMillis); // 4
    return { counts, queued };
  });
}

/** 1: every backup row merged into its local row (read in the caller's transaction). */
async function plan(database: PybDatabase, backup: Backup): Promise<Plan> {
  const entries = await Promise.all(
    SYNCED_TABLES.map(async (name) => {
      const rows = backup.tables[name];
      const local = await database.table<MergeableRow, string>(name).bulkGet(rows.map((r) => r.id));
      const merged = rows.map((row, i) => {
        const stored = local[i];
        return {
          existed: stored !== undefined,
          merged: mergeIntoRow(stored ?? { id: row.id }, cellsOf(row)),
        };
      });
      return [name, merged] as const;
    }),
  );
  return Object.fromEntries(entries) as Plan;
}

function cellsOf(row: BackupRow): RemoteCell[] {
  return fieldsOf(row).map((field) => ({ field, value: row[field], hlc: row._hlc[field] ?? '' }));
}

/** The winning cells of a merged row, as a row of their own (what outbox-cells queues). */
function wonCells({ row, won }: Merged): MergeableRow {
  const cells = Object.fromEntries(won.map((cell) => [cell.field, cell.value]));
  const stamps = Object.fromEntries(won.map((cell) => [cell.field, cell.hlc]));
  return { id: row.id, ...cells, [CLOCK_FIELD]: stamps };
}

function countsOf(planned: Plan): RestoreCounts {
  const counts = {} as RestoreCounts;
  for (const name of SYNCED_TABLES) {
    const table: RowCounts = { added: 0, updated: 0, unchanged: 0 };
    for (const { existed, merged } of planned[name]) {
      if (merged.won.length === 0) table.unchanged += 1;
      else if (existed) table.updated += 1;
      else table.added += 1;
    }
    counts[name] = table;
  }
  return counts;
}
