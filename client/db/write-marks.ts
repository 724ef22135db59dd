// Marks a write transaction carries to the HLC middleware (hlc-middleware.ts), in the way
// `allowHardDeletes` does: Dexie hands every DBCore layer the IDBTransaction itself
// (`Transaction.idbtrans`), and sub-transactions share their parent's, so marking it once
// covers every write inside. Weak collections: a mark dies with its transaction.
//
// - applyingRemote: the sync engine writes merged rows from the server. They already carry
//   their merged `_hlc` map, so the middleware neither stamps them nor adds them to the
//   outbox (which would echo the server's cells back to it).
// - stampAlways: model code that means "the user just chose this value", even when the
//   stored value is the same, e.g. checking an item again after the checklist was reset
//   (model/trips.ts setChecked). The middleware otherwise stamps only changed fields.
import type { Transaction } from 'dexie';
import type { SyncedTable } from './types';

const remoteTransactions = new WeakSet<object>();
const forcedFields = new WeakMap<object, Map<string, ReadonlySet<string>>>();

/**
 * Call inside `db.transaction(...)` (with its transaction argument or
 * `Dexie.currentTransaction`): the synced rows it writes are stored exactly as given.
 */
export function applyingRemote(transaction: Transaction): void {
  remoteTransactions.add(transaction.idbtrans);
}

export function isApplyingRemote(trans: object): boolean {
  return remoteTransactions.has(trans);
}

/**
 * In this transaction, every write to `table` stamps `fields` with a fresh hlc (and so
 * puts them in the outbox) even when their value does not change.
 */
export function stampAlways(
  transaction: Transaction,
  table: SyncedTable,
  fields: readonly string[],
): void {
  const byTable = forcedFields.get(transaction.idbtrans) ?? new Map<string, ReadonlySet<string>>();
  byTable.set(table, new Set([...(byTable.get(table) ?? []), ...fields]));
  forcedFields.set(transaction.idbtrans, byTable);
}

const NONE: ReadonlySet<string> = new Set();

export function fieldsStampedAlways(trans: object, table: string): ReadonlySet<string> {
  return forcedFields.get(trans)?.get(table) ?? NONE;
}
