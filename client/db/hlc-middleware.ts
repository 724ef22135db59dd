// One DBCore middleware for every synced table (ARCHITECTURE.md "Local first").
// Each write is diffed against the stored row and every changed field gets a
// fresh hybrid-logical-clock stamp in the row's `_hlc` map, inside the same
// transaction as the write. The stamps are what the merge compares, and what the
// trip checklist compares with `checksResetAt`. The sync engine will append each
// stamped change to the outbox at this same point.
//
// Rules enforced here rather than trusted to callers:
// - read-write transactions on synced tables always include `meta` (the clock);
// - synced rows are never hard-deleted: deleting is writing `deleted: true`, so
//   the deletion itself can be merged and undone;
// - Dexie version upgrades are not stamped: they run the same way on every device.
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
} from 'dexie';
import { Dexie } from 'dexie';
import { TABLE_NAMES } from '../../shared/schemas';
import { issueHlc, type MetaAccess } from './local-clock';

export const CLOCK_FIELD = '_hlc';
type Stamps = Record<string, string>;
type StoredRow = Record<string, unknown> & { [CLOCK_FIELD]?: Stamps };

const SYNCED = new Set<string>(TABLE_NAMES);
const UNSTAMPED_FIELDS = new Set(['id', CLOCK_FIELD]);

function isVersionChange(trans: DBCoreTransaction): boolean {
  return (trans as unknown as IDBTransaction).mode === 'versionchange';
}

function metaAccess(meta: DBCoreTable, trans: DBCoreTransaction): MetaAccess {
  return {
    get: (key) => meta.get({ trans, key }).then((row: { value: string } | undefined) => row?.value),
    put: (key, value) => meta.mutate({ type: 'put', trans, values: [{ key, value }] }),
  };
}

/** The field values are JSON-like primitives (see shared/schemas), so === is equality. */
function stampRow(next: StoredRow, previous: StoredRow | undefined, hlc: string): StoredRow {
  const stamps: Stamps = { ...previous?.[CLOCK_FIELD] };
  for (const field of Object.keys(next)) {
    if (UNSTAMPED_FIELDS.has(field)) continue;
    if (!previous || !Object.is(previous[field], next[field]) || stamps[field] === undefined)
      stamps[field] = hlc;
  }
  return { ...next, [CLOCK_FIELD]: stamps };
}

function stampingTable(table: DBCoreTable, meta: DBCoreTable, now: () => number): DBCoreTable {
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
        return Promise.reject(
          new Error(
            `Rows of ${table.name} are never deleted outright; write deleted: true instead.`,
          ),
        );
      }
      const keys =
        req.keys ?? req.values.map((value) => table.schema.primaryKey.extractKey?.(value));
      // The clock and the previous rows are read in parallel: two round trips, not four.
      const stamped = Dexie.Promise.all([
        nextHlc(req.trans),
        table.getMany({ trans: req.trans, keys }),
      ]).then(([hlc, previous]) => {
        const values = req.values.map((value, i) =>
          stampRow(value as StoredRow, previous[i] as StoredRow | undefined, hlc),
        );
        return table.mutate({ ...req, values });
      });
      return stamped as Promise<DBCoreMutateResponse>;
    },
  };
}

export function hlcMiddleware(now: () => number = Date.now): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'hlc-stamps',
    // Below Dexie's hooks middleware (level 2), which needs Dexie's zone context
    // that our native awaits leave; above observability and cache (level 0), so
    // live queries see the stamped rows and the meta write.
    level: 1,
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          const scope =
            mode === 'readwrite' && stores.some((s) => SYNCED.has(s)) && !stores.includes('meta')
              ? [...stores, 'meta']
              : stores;
          return down.transaction(scope, mode, options);
        },
        table(name) {
          const table = down.table(name);
          return SYNCED.has(name) ? stampingTable(table, down.table('meta'), now) : table;
        },
      };
    },
  };
}
