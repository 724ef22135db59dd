// Picks what one sync request pushes. The outbox holds one entry per stamped write of a
// cell, in write order (seq); a cell written three times offline has three entries. Only
// the one with the greatest hlc matters (the others lose the merge anyway, [M1]), so the
// batch sends that one and acknowledges all three.
//
// A batch is read from the entries after `afterSeq`, so one sync walks the outbox once
// even when some cells are held back (their hlc is too far ahead of the server's clock,
// see drift.ts): those stay in the outbox for a later sync, and entries written while a
// request is out are read by the next round.
import type { SyncChange } from '../../shared/protocol';
import type { PybDatabase } from '../db/db';
import type { OutboxEntry } from '../db/types';

export const BATCH_ENTRIES = 1000;
/**
 * Well under the server's 4 MiB body limit: a batch of long notes would pass 1000 cells
 * a long way before that (5000 characters of notes can take 15 KB of UTF-8).
 */
export const BATCH_BYTES = 1024 * 1024;

export interface Batch {
  /** One change per cell: the greatest hlc the batch holds for it. */
  changes: SyncChange[];
  /** The entries the server has once it accepts `changes`: delete them then. */
  ackSeqs: number[];
  /** The last seq read: the next batch starts after it. */
  lastSeq: number;
  /** How many entries the batch took in (0: nothing after `afterSeq`). */
  consumed: number;
  /** The hlcs of cells held back because the server would refuse them now. */
  heldBack: string[];
}

interface Cell {
  entry: OutboxEntry;
  seqs: number[];
}

const cellKey = (e: OutboxEntry) => `${e.table}\u0000${e.id}\u0000${e.field}`;

export async function readBatch(
  db: PybDatabase,
  afterSeq: number,
  sendable: (hlc: string) => boolean = () => true,
  limit = BATCH_ENTRIES,
): Promise<Batch> {
  const entries = await db.outbox.where(':id').above(afterSeq).limit(limit).toArray();
  const cells = new Map<string, Cell>();
  let lastSeq = afterSeq;
  let consumed = 0;
  let bytes = 0;
  for (const entry of entries) {
    const key = cellKey(entry);
    const cell = cells.get(key);
    if (cell) {
      cell.seqs.push(entry.seq);
      if (entry.hlc > cell.entry.hlc) cell.entry = entry;
    } else {
      // Stop before the body grows too big; the rest is the next batch's.
      bytes += approximateBytes(entry);
      if (bytes > BATCH_BYTES && cells.size > 0) break;
      cells.set(key, { entry, seqs: [entry.seq] });
    }
    lastSeq = entry.seq;
    consumed += 1;
  }
  const batch: Batch = { changes: [], ackSeqs: [], lastSeq, consumed, heldBack: [] };
  for (const { entry, seqs } of cells.values()) {
    if (!sendable(entry.hlc)) {
      batch.heldBack.push(entry.hlc);
      continue;
    }
    const { table, id, field, value, hlc } = entry;
    batch.changes.push({ table, id, field, value, hlc });
    batch.ackSeqs.push(...seqs);
  }
  return batch;
}

/** UTF-8 bytes of the entry as JSON, at most: 3 bytes per UTF-16 code unit. */
function approximateBytes(entry: OutboxEntry): number {
  return 3 * JSON.stringify(entry).length;
}
