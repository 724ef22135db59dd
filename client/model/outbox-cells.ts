// Queuing cells that are already stamped for the sync loop to push: every local cell when
// a guest keeps their data on sign-in (guest-data-keep.ts), the winning cells of a restored
// backup (backup-restore.ts). Each cell keeps the hlc it was written with (`_hlc[field]`),
// so a cell the account already has a newer value for still loses the merge, and one
// pushed twice is the same write (shared/SPEC.md [M1], [M5]). An outbox entry holds the
// cells of one row that share an hlc (db/types.ts), so a row becomes one entry per
// distinct stamp: one for a row written at once, a few for a row edited since.
//
// docs/api.md requires every pushed hlc to end with the pushing device's node id. A cell
// this device received from elsewhere (from an account it has since signed out of, or a
// backup made on another device) carries another node's id; it is re-homed: same time and
// counter, this device's node id. Its place in clock order only moves among writes of that
// same millisecond and counter, so it still loses to any later write.
import { formatHlc, isHlc, parseHlc } from '../../shared/hlc';
import type { PybDatabase } from '../db/db';
import { CLOCK_FIELD } from '../db/hlc-middleware';
import type { NewOutboxEntry, OutboxEntry } from '../db/types';
import type { LocalRow } from './guest-data';

/** The hlc of a cell as this node may push it, or null when the cell has no valid stamp. */
export function rehome(hlc: unknown, nodeId: string): string | null {
  if (typeof hlc !== 'string') return null;
  const state = parseHlc(hlc);
  if (!state) return null;
  return state.node === nodeId ? hlc : formatHlc({ ...state, node: nodeId });
}

/**
 * The outbox entries of every stamped field of the row (`id` and the stamps themselves
 * are not fields), one per distinct hlc. `nodeId` null keeps every hlc as it was
 * written, whichever node wrote it: a re-send after a server restore pushes with
 * `resend: true` (shared/SPEC.md [P6]).
 */
export function entriesOf(
  table: NewOutboxEntry['table'],
  row: LocalRow,
  nodeId: string | null,
): NewOutboxEntry[] {
  const stamps = (row[CLOCK_FIELD] ?? {}) as Record<string, unknown>;
  const byHlc = new Map<string, NewOutboxEntry>();
  for (const [field, value] of Object.entries(row)) {
    if (field === 'id' || field === CLOCK_FIELD) continue;
    // The middleware stamps every field it writes; a field without a stamp was never
    // written through it and has no clock to merge with, so it is not pushed.
    const stamp = stamps[field];
    const hlc = nodeId === null ? (isHlc(stamp) ? stamp : null) : rehome(stamp, nodeId);
    if (hlc === null) continue;
    const entry = byHlc.get(hlc) ?? { table, id: row.id, values: {}, hlc };
    entry.values[field] = value;
    byHlc.set(hlc, entry);
  }
  return [...byHlc.values()];
}

/**
 * Appends every stamped cell of `rows` to the outbox, in row order, and resolves how many
 * cells it queued. Run it inside the caller's read-write transaction on the outbox.
 */
export async function queueCells(
  database: PybDatabase,
  table: NewOutboxEntry['table'],
  rows: readonly LocalRow[],
  nodeId: string | null,
): Promise<number> {
  const entries = rows.flatMap((row) => entriesOf(table, row, nodeId));
  // add() assigns seq, in this order: the outbox keeps the rows' order.
  await database.outbox.bulkAdd(entries as OutboxEntry[]);
  return entries.reduce((cells, entry) => cells + Object.keys(entry.values).length, 0);
}
