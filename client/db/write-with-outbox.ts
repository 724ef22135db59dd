// The last step of a stamped write (hlc-middleware.ts): the rows and their outbox entries
// are issued in the same tick, so the transaction pays one round trip to IndexedDB for
// both, not one after the other (a check-off tap is this path: scripts/bench-checkoff.ts).
//
// A row can still fail on its own, e.g. an `add` of an existing key in a bulkAdd the
// caller lets partly fail: its entry was queued alongside, so it is deleted again, by the
// key its add returned, before the write settles. The transaction then commits
// exactly the rows written and their entries ([L1]); only a few outbox seqs are skipped.
// A write IndexedDB refuses outright (a value it cannot clone) may have issued some of its
// rows and entries already, whose keys are never returned: it aborts the transaction, so
// nothing of it commits even if the caller catches the error.
import type {
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
} from 'dexie';
import { Dexie } from 'dexie';
import type { Change } from './stamp-row';

type Write = DBCoreMutateRequest & { type: 'add' | 'put' };

/**
 * Writes `req` (already stamped) and queues `changes[i]`, the outbox entry of
 * `req.values[i]` (null when none of its fields changed).
 */
export function writeWithOutbox(
  table: DBCoreTable,
  outbox: DBCoreTable,
  req: Write,
  changes: readonly (Change | null)[],
): PromiseLike<DBCoreMutateResponse> {
  const entries = changes.filter((change) => change !== null);
  const written = table.mutate(req).then(undefined, (error: unknown) => {
    abort(req.trans);
    throw error;
  });
  if (entries.length === 0) return written;
  const queued = outbox.mutate({ type: 'add', trans: req.trans, values: entries });
  // Dexie's own promise, not a native one: see hlc-middleware.ts.
  return Dexie.Promise.all([written, queued]).then(([response, added]) => {
    const failed = Object.keys(response.failures).map(Number);
    if (failed.length === 0) return response;
    const keys = entryKeysOfRows(changes, failed, added.results ?? []);
    return outbox.mutate({ type: 'delete', trans: req.trans, keys }).then(() => response);
  });
}

/** Dexie hands each DBCore layer the IDBTransaction itself (see hlc-middleware.ts). */
function abort(trans: DBCoreTransaction): void {
  try {
    (trans as unknown as IDBTransaction).abort();
  } catch {
    // Already finished or aborting: nothing of this write can commit either way.
  }
}

/** The outbox keys of the entries that belong to the given rows (indexes into `changes`). */
function entryKeysOfRows(
  changes: readonly (Change | null)[],
  rows: readonly number[],
  entryKeys: readonly unknown[],
): unknown[] {
  const keys: unknown[] = [];
  let at = 0;
  changes.forEach((change, i) => {
    if (change === null) return;
    if (rows.includes(i)) keys.push(entryKeys[at]);
    at += 1;
  });
  return keys;
}
