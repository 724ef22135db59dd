// "Keep this device's data" on sign-in: every cell of every local row goes into the
// outbox, so the sync loop pushes the whole device into the account. How a cell is queued,
// with the hlc it was written with and re-homed to this device's node id, is in
// outbox-cells.ts. Deleted rows are pushed too: a deletion made here must reach the account.
import type { PybDatabase } from '../db/db';
import { SYNCED_TABLES } from '../db/types';
import { ensureNodeId } from '../sync/node-id';
import { syncedTablesOf } from './guest-data';
import { queueCells } from './outbox-cells';

/**
 * Replaces the outbox with every cell of every local row, in one transaction, and
 * resolves the number of entries written. Replacing rather than appending: whatever
 * was pending is among those cells, and a cell in the outbox twice would be pushed
 * twice. Callers may wrap it in a larger transaction (sign-in writes the account in
 * the same one).
 */
export async function keepLocalData(database: PybDatabase): Promise<number> {
  const tables = [...syncedTablesOf(database), database.outbox, database.meta];
  return database.transaction('rw', tables, async () => {
    const nodeId = await ensureNodeId(database);
    await database.outbox.clear();
    let written = 0;
    for (const [i, table] of syncedTablesOf(database).entries()) {
      const name = SYNCED_TABLES[i];
      if (!name) continue;
      written += await queueCells(database, name, await table.toArray(), nodeId);
    }
    return written;
  });
}
