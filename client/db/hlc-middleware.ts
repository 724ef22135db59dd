// One DBCore middleware for every synced table (docs/architecture.md "Local first").
// Each write is diffed against the stored row and every changed field gets a
// fresh hybrid-logical-clock stamp in the row's `_hlc` map, and each written row gets
// one outbox entry `{table, id, values, hlc}` holding its changed fields (types.ts),
// inside the same transaction as the write: if the write commits, its change is queued
// for the sync engine; if it aborts, neither is left behind. The stamps are what the
// merge compares, and what the trip checklist compares with `checksResetAt`.
//
// Rules enforced here rather than trusted to callers:
// - read-write transactions on synced tables always include `meta` (the clock)
//   and `outbox`;
// - synced rows are never hard-deleted: deleting is writing `deleted: true`, so
//   the deletion itself can be merged and undone ([L2]). The exceptions mark their
//   transaction with `allowHardDeletes`: wiping the device (model/guest-data.ts:
//   discarding local data on sign-in or sign-out) and the sweep at the end of a
//   full pull (sync/resync.ts), which removes what the server no longer has;
// - Dexie version upgrades are not stamped: they run the same way on every device;
// - rows merged from the server (transactions marked `applyingRemote`, see
//   write-marks.ts) are stored as given, with their merged stamps, and never
//   reach the outbox; model code can force a field's stamp with `stampAlways`.
//
// The code below chains Dexie's own promises with .then and never uses
// async/await: Dexie's lower middlewares (cache, observability) find the current
// transaction in a zone that Dexie promises carry and native awaits drop.
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
  Transaction,
} from 'dexie';
import { Dexie } from 'dexie';
import { TABLE_NAMES } from '../../shared/schemas/constants';
import { issueHlc, type MetaAccess } from './local-clock';
import { changeOf, CLOCK_FIELD, stampRow, type Change, type StoredRow } from './stamp-row';
import { fieldsStampedAlways, isApplyingRemote } from './write-marks';
import { writeWithOutbox } from './write-with-outbox';

export { CLOCK_FIELD };

const SYNCED = new Set<string>(TABLE_NAMES);

/**
 * The IndexedDB transactions allowed to hard-delete synced rows. Dexie hands every
 * DBCore layer the IDBTransaction itself (`Transaction.idbtrans`), and sub-transactions
 * share their parent's, so marking one covers everything inside it. Weak: the mark
 * dies with the transaction.
 */
const wipingTransactions = new WeakSet<object>();

/**
 * Lets the given transaction (call it inside `db.transaction(...)` with
 * `Dexie.currentTransaction`) delete rows of synced tables outright, e.g. with
 * `table.clear()`. Only for wiping the device's copy of the data, or for the resync sweep
 * that makes it equal to the server's: a hard delete is never synced, so anywhere else it
 * would make devices disagree.
 */
export function allowHardDeletes(transaction: Transaction): void {
  wipingTransactions.add(transaction.idbtrans);
}

function isVersionChange(trans: DBCoreTransaction): boolean {
  return (trans as unknown as IDBTransaction).mode === 'versionchange';
}

function metaAccess(meta: DBCoreTable, trans: DBCoreTransaction): MetaAccess {
  return {
    get: (key) => meta.get({ trans, key }).then((row: { value: string } | undefined) => row?.value),
    put: (key, value) => meta.mutate({ type: 'put', trans, values: [{ key, value }] }),
  };
}

function stampingTable(
  table: DBCoreTable,
  meta: DBCoreTable,
  outbox: DBCoreTable,
  now: () => number,
): DBCoreTable {
  // Writes of one transaction take their stamps one after another, even when the
  // caller issues them concurrently, so no two writes share an hlc.
  const clocks = new WeakMap<DBCoreTransaction, PromiseLike<string>>();
  const nextHlc = (trans: DBCoreTransaction): PromiseLike<string> => {
    const issue = () => issueHlc(metaAccess(meta, trans), now());
    const previous = clocks.get(trans);
    const issued = previous ? previous.then(issue) : issue();
    clocks.set(trans, issued);
    return issued;
  };

  return {
    ...table,
    mutate(req: DBCoreMutateRequest) {
      if (isVersionChange(req.trans)) return table.mutate(req);
      if (req.type === 'delete' || req.type === 'deleteRange') {
        if (wipingTransactions.has(req.trans)) return table.mutate(req);
        return Promise.reject(
          new Error(
            `Rows of ${table.name} are never deleted outright; write deleted: true instead.`,
          ),
        );
      }
      if (isApplyingRemote(req.trans)) return table.mutate(req);
      const keys =
        req.keys ?? req.values.map((value) => table.schema.primaryKey.extractKey?.(value));
      const forced = fieldsStampedAlways(req.trans, table.name);
      // The clock and the previous rows are read in parallel: two round trips, not four.
      const stamped = Dexie.Promise.all([nextHlc(req.trans), storedRows(table, req, keys)]).then(
        ([hlc, previous]) => {
          const changes: (Change | null)[] = [];
          const values = req.values.map((value, i) => {
            const { row, changed } = stampRow(
              value as StoredRow,
              previous[i] as StoredRow | undefined,
              hlc,
              forced,
            );
            changes.push(changeOf(table.name, keys[i], row, changed, hlc));
            return row;
          });
          return writeWithOutbox(table, outbox, { ...req, values }, changes);
        },
      );
      return stamped as Promise<DBCoreMutateResponse>;
    },
  };
}

/**
 * The rows a write replaces, to diff against. An add writes only rows that are not there
 * (IndexedDB refuses an existing key, and the middleware leaves out the entries of rows
 * that failed), so it needs no read: a big import is all adds.
 */
function storedRows(
  table: DBCoreTable,
  req: DBCoreMutateRequest & { type: 'add' | 'put' },
  keys: unknown[],
): PromiseLike<unknown[]> {
  if (req.type === 'add') return Dexie.Promise.resolve(keys.map(() => undefined));
  return table.getMany({ trans: req.trans, keys });
}

/** Adds the tables every read-write transaction on a synced table needs. */
function withClockAndOutbox(stores: string[], mode: string): string[] {
  if (mode !== 'readwrite' || !stores.some((s) => SYNCED.has(s))) return stores;
  return [...stores, ...['meta', 'outbox'].filter((s) => !stores.includes(s))];
}

export function hlcMiddleware(now: () => number = Date.now): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'hlc-stamps',
    // Below Dexie's hooks middleware (level 2), which needs Dexie's zone context
    // that our native awaits leave; above observability and cache (level 0), so
    // live queries see the stamped rows, the meta write and the outbox entries.
    level: 1,
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          return down.transaction(withClockAndOutbox(stores, mode), mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (!SYNCED.has(name)) return table;
          return stampingTable(table, down.table('meta'), down.table('outbox'), now);
        },
      };
    },
  };
}
