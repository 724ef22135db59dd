// "Keep this device's data" on sign-in: every cell of every local row goes into the
// outbox, one entry per cell `{table, id, field, value, hlc}`, so the sync loop pushes
// the whole device into the account. Each cell keeps the hlc it was written with
// (`_hlc[field]`), so a cell the account already has a newer value for still loses
// the merge, and one pushed twice is the same write (shared/SPEC.md [M1], [M5]).
// Deleted rows are pushed too: a deletion made here must reach the account.
//
// API.md requires every pushed hlc to end with the pushing device's node id. A cell
// this device received from elsewhere (its data came from an account it has since
// signed out of) carries another node's id; it is re-homed: same time and counter,
// this device's node id. Its place in clock order only moves among writes of that
// same millisecond and counter, so it still loses to any later write.
import type { PybDatabase } from '../db/db';
import { CLOCK_FIELD } from '../db/hlc-middleware';
import { randomNodeId } from '../db/local-clock';
import { SYNCED_TABLES, type OutboxEntry } from '../db/types';
import { formatHlc, parseHlc } from '../../shared/hlc';
import { syncedTablesOf, type LocalRow } from './guest-data';

type NewEntry = Omit<OutboxEntry, 'seq'>;

/** The hlc of a cell as this node may push it, or null when the cell has no valid stamp. */
export function rehome(hlc: unknown, nodeId: string): string | null {
  if (typeof hlc !== 'string') return null;
  const state = parseHlc(hlc);
  if (!state) return null;
  return state.node === nodeId ? hlc : formatHlc({ ...state, node: nodeId });
}

/** One outbox entry per stamped field of the row (`id` and the stamps themselves are not fields). */
export function cellsOf(table: NewEntry['table'], row: LocalRow, nodeId: string): NewEntry[] {
  const stamps = (row[CLOCK_FIELD] ?? {}) as Record<string, unknown>;
  const entries: NewEntry[] = [];
  for (const [field, value] of Object.entries(row)) {
    if (field === 'id' || field === CLOCK_FIELD) continue;
    // The middleware stamps every field it writes; a field without a stamp was never
    // written through it and has no clock to merge with, so it is not pushed.
    const hlc = rehome(stamps[field], nodeId);
    if (hlc !== null) entries.push({ table, id: row.id, field, value, hlc });
  }
  return entries;
}

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
    const nodeId = await localNodeId(database);
    await database.outbox.clear();
    let written = 0;
    for (const [i, table] of syncedTablesOf(database).entries()) {
      const name = SYNCED_TABLES[i];
      if (!name) continue;
      const rows = await table.toArray();
      const entries = rows.flatMap((row) => cellsOf(name, row, nodeId));
      // add() assigns seq, in this order: the outbox keeps the tables' order.
      await database.outbox.bulkAdd(entries as OutboxEntry[]);
      written += entries.length;
    }
    return written;
  });
}

/** This install's node id, made now if the clock never ran (db/local-clock.ts makes it the same way). */
async function localNodeId(database: PybDatabase): Promise<string> {
  const known = await database.meta.get('nodeId');
  if (known) return known.value;
  const nodeId = randomNodeId();
  await database.meta.put({ key: 'nodeId', value: nodeId });
  return nodeId;
}
