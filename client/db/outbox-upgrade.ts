// Version 3 of the database (db.ts) changed the outbox from one entry per changed field
// `{table, id, field, value, hlc}` to one entry per written row `{table, id, values, hlc}`
// (types.ts). A device may hold unsent changes when the app is updated: every one of them
// must survive, in the same order. The cells of one write were appended one after another
// with the write's hlc, so each run of consecutive entries of the same row and hlc becomes
// one entry, kept at the seq of its first cell; the other seqs of the run are deleted.
// Nothing else changes, so a push after the upgrade sends exactly the cells it would have
// sent before.
import type { OutboxEntry } from './types';

/** An outbox entry as version 2 stored it. */
export interface LegacyOutboxEntry {
  seq: number;
  table: OutboxEntry['table'];
  id: string;
  field: string;
  value: unknown;
  hlc: string;
}

export interface OutboxConversion {
  /** The entries to store (each at the seq of its run's first cell). */
  put: OutboxEntry[];
  /** The seqs folded into an earlier entry. */
  remove: number[];
}

const isLegacy = (entry: object): entry is LegacyOutboxEntry =>
  'field' in entry && !('values' in entry);

/** The version-3 outbox for `stored` (in seq order, as IndexedDB reads it). Pure. */
export function convertLegacyOutbox(stored: readonly object[]): OutboxConversion {
  const put: OutboxEntry[] = [];
  const remove: number[] = [];
  let open: OutboxEntry | null = null;
  for (const entry of stored) {
    if (!isLegacy(entry)) {
      open = null; // already in the new shape: left as it is
      continue;
    }
    const { seq, table, id, field, value, hlc } = entry;
    if (open && open.table === table && open.id === id && open.hlc === hlc) {
      open.values[field] = value;
      remove.push(seq);
      continue;
    }
    open = { seq, table, id, values: { [field]: value }, hlc };
    put.push(open);
  }
  return { put, remove };
}
