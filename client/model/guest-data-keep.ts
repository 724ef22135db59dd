// Pushing the whole device again: every cell of every local row goes into the outbox, so
// the sync loop sends all of it. Two callers:
//   - "Keep this device's data" on sign-in (keepLocalData): the data joins an account,
//     each cell re-homed to this device's node id (outbox-cells.ts), and a cursor of
//     another account is forgotten;
//   - a server restored from a backup (client/sync/resync.ts, shared/SPEC.md [P6]): the
//     server lacks cells this device holds, so each goes again with the hlc it was
//     written with, whichever device wrote it.
// Deleted rows are pushed too: a deletion made here must reach the account.
import type { PybDatabase } from '../db/db';
import { SYNCED_TABLES } from '../db/types';
import { ensureNodeId } from '../db/node-id';
import { syncedTablesOf } from './guest-data';
import { queueCells } from './outbox-cells';

/**
 * Replaces the outbox with every cell of every local row, in one transaction, and
 * resolves the number of cells queued. Replacing rather than appending: whatever
 * was pending is among those cells, and a cell in the outbox twice would be pushed
 * twice. Callers may wrap it in a larger transaction (sign-in writes the account in
 * the same one).
 */
export async function keepLocalData(database: PybDatabase): Promise<number> {
  return database.transaction(
    'rw',
    [...syncedTablesOf(database), database.outbox, database.meta],
    async () => {
      const written = await queueEveryCell(database, await ensureNodeId(database));
      // A cursor (or a full pull under way) belonged to the account the data came from.
      await database.meta.bulkDelete(['cursor', 'resync']);
      return written;
    },
  );
}

/**
 * Replaces the outbox with every stamped cell of every local row; `nodeId` null keeps
 * each hlc as written (a re-send), a node id re-homes them (outbox-cells.ts). Run it
 * inside the caller's read-write transaction on the synced tables and the outbox.
 */
export async function queueEveryCell(
  database: PybDatabase,
  nodeId: string | null,
): Promise<number> {
  await database.outbox.clear();
  let written = 0;
  for (const [i, table] of syncedTablesOf(database).entries()) {
    const name = SYNCED_TABLES[i];
    if (!name) continue;
    written += await queueCells(database, name, await table.toArray(), nodeId);
  }
  return written;
}
