// Picks what one sync request pushes. The outbox holds one entry per write of a row, in
// write order (seq), holding the fields that write changed (db/types.ts); a push sends
// cells, one per field (docs/api.md). A cell written three times offline is in three
// entries. Only the one with the greatest hlc matters (the others lose the merge anyway,
// [M1]), so the batch sends that one.
//
// Acknowledging: once the server has the batch, its sendable entries are deleted whole
// (commit-answer.ts deletes exactly their seqs). Each cell of such an entry was either sent
// or lost to a greater hlc of the same cell; that greater one was sent, or is held back in
// an entry that stays. Entries are never changed after they are added, so a write made
// while the request is out is a new entry with a new seq and stays too.
//
// A batch is read from the entries after `afterSeq`, so one sync walks the outbox once
// even when some entries are held back (their hlc is too far ahead of the server's clock,
// see drift.ts): those stay in the outbox for a later sync, and entries written while a
// request is out are read by the next round. An entry is never split between batches.
import { MAX_CHANGES_PER_REQUEST, type SyncChange } from '../../shared/protocol';
import type { PybDatabase } from '../db/db';
import { cellsOfEntry, type OutboxCell, type OutboxEntry } from '../db/types';

/**
 * Cells in one push: the server takes at most MAX_CHANGES_PER_REQUEST. Fewer requests
 * matter for a big import (hundreds of thousands of cells, and the server allows 120
 * sync requests a minute).
 */
export const BATCH_CELLS = MAX_CHANGES_PER_REQUEST;
/**
 * Under the server's 4 MiB body limit, counting 3 bytes per UTF-16 code unit (an upper
 * bound for UTF-8): a batch of long notes passes it well before BATCH_CELLS cells (5000
 * characters of notes can take 15 KB).
 */
export const BATCH_BYTES = 3 * 1024 * 1024;

export interface Batch {
  /** One change per cell: the greatest hlc the batch holds for it. */
  changes: SyncChange[];
  /** The entries the server has once it accepts `changes`: delete them then. */
  ackSeqs: number[];
  /** The last seq read: the next batch starts after it. */
  lastSeq: number;
  /** How many entries the batch took in (0: nothing after `afterSeq`). */
  consumed: number;
  /** The hlcs of entries held back because the server would refuse them now. */
  heldBack: string[];
}

const cellKey = (c: OutboxCell) => `${c.table}\u0000${c.id}\u0000${c.field}`;

/** Entries read from IndexedDB at a time while a batch fills up. */
const READ_CHUNK = 500;

export async function readBatch(
  db: PybDatabase,
  afterSeq: number,
  sendable: (hlc: string) => boolean = () => true,
  maxCells = BATCH_CELLS,
): Promise<Batch> {
  const batch: Batch = { changes: [], ackSeqs: [], lastSeq: afterSeq, consumed: 0, heldBack: [] };
  const winners = new Map<string, OutboxCell>();
  let bytes = 0;
  for (;;) {
    const chunk = Math.min(READ_CHUNK, maxCells);
    const entries = await db.outbox.where(':id').above(batch.lastSeq).limit(chunk).toArray();
    for (const entry of entries) {
      if (!sendable(entry.hlc)) {
        // Later hlcs are not sendable either: none of its cells can be sent over it.
        batch.heldBack.push(entry.hlc);
        take(batch, entry);
        continue;
      }
      const cells = cellsOfEntry(entry);
      const fresh = cells.filter((cell) => !winners.has(cellKey(cell))).length;
      const grown = bytes + cells.reduce((sum, cell) => sum + approximateBytes(cell), 0);
      // Stop before the request grows too big; the rest is the next batch's.
      if ((winners.size + fresh > maxCells || grown > BATCH_BYTES) && winners.size > 0)
        return finish(batch, winners);
      bytes = grown;
      for (const cell of cells) {
        const key = cellKey(cell);
        const known = winners.get(key);
        if (!known || cell.hlc > known.hlc) winners.set(key, cell);
      }
      batch.ackSeqs.push(entry.seq);
      take(batch, entry);
    }
    if (entries.length < chunk) return finish(batch, winners);
  }
}

function finish(batch: Batch, winners: ReadonlyMap<string, OutboxCell>): Batch {
  for (const { table, id, field, value, hlc } of winners.values())
    batch.changes.push({ table, id, field, value, hlc });
  return batch;
}

function take(batch: Batch, entry: OutboxEntry): void {
  batch.lastSeq = entry.seq;
  batch.consumed += 1;
}

/** UTF-8 bytes of the cell as JSON, at most: 3 bytes per UTF-16 code unit. */
function approximateBytes(cell: OutboxCell): number {
  return 3 * JSON.stringify(cell).length;
}
