// Takes in one accepted sync answer, in ONE IndexedDB transaction (docs/architecture.md
// "Local first"), so a crash or a closed tab leaves either all of it or none (and none
// at all if the device's account changed while the request was out):
//   1. merge each pulled cell into its row, per field by hlc (shared mergeCell [M1]); a
//      cell of a row this device has not seen makes a partial row;
//   2. move the local clock past every pulled hlc ([C4] receive), so a later local write
//      is stamped after them and wins over them;
//   3. store the new cursor, but only if the stored one is still the cursor the request
//      was sent with: the cursor is opaque, and this compare-and-set is what keeps it
//      from moving back when two engines share a database;
//   4. delete the outbox entries the server now has: exactly the seqs that were sent.
//      Entries are never changed once added, and writes made while the request was out
//      are new entries with other seqs, so they stay (outbox-batch.ts).
// The transaction is marked `applyingRemote`: the rows already carry their merged
// stamps, and the middleware must neither re-stamp them nor queue them to push back.
// Every read is asked for at once, then every write: requests in one transaction run in
// the order they were made anyway, and waiting for each before making the next cost a
// page a dozen round trips (about 0.3 s of a first sync of 33 pages).
import type { Table } from 'dexie';
import type { SyncChange, SyncResponse } from '../../shared/protocol';
import type { PybDatabase } from '../db/db';
import { clockPast, mergeIntoRow, readLocalClock, type MergeableRow } from '../db/merge-remote';
import { SYNCED_TABLES } from '../db/types';
import { applyingRemote } from '../db/write-marks';

export interface Commit {
  /** The cursor the request was sent with. */
  since: string;
  answer: SyncResponse;
  ackSeqs: readonly number[];
  nowMillis: number;
  /** Collects `table/id/field` of every pulled cell (a resync drops the others: resync.ts). */
  seen: Set<string> | null;
  /** The device's account (meta `account`) when the request was sent. */
  account: string | undefined;
}

/** The device signed out or changed account while the request was out: drop the answer. */
export class AccountChangedError extends Error {
  constructor() {
    super('The account changed while syncing; the answer was not applied.');
    this.name = 'AccountChangedError';
  }
}

export const rowKey = (table: string, id: string) => `${table}/${id}`;
/** Ids, tables and fields never contain `/` (shared/schemas), so the key is unambiguous. */
export const cellKey = (table: string, id: string, field: string) => `${table}/${id}/${field}`;

/** Resolves whether the cursor was stored (false: another engine moved it meanwhile). */
export function commitAnswer(db: PybDatabase, commit: Commit): Promise<boolean> {
  const tables = [...SYNCED_TABLES.map((name) => db.table(name)), db.outbox, db.meta];
  return db.transaction('rw', tables, async (transaction) => {
    applyingRemote(transaction);
    const { changes, cursor } = commit.answer;
    const byTable = [...cellsByRow(changes)].map(([name, cells]) => ({
      table: db.table<MergeableRow, string>(name),
      cells,
    }));
    const [account, storedCursor, clock, storedByTable] = await Promise.all([
      db.meta.get('account'),
      db.meta.get('cursor'),
      readLocalClock(db), // syncOnce made sure of the node id (ensureNodeId) before asking
      Promise.all(byTable.map(({ table, cells }) => storedRows(table, [...cells.keys()]))),
    ]);
    // 0. An answer for the account this device held when it asked, or nothing: signing
    //    out (maybe removing the data) while a request was out must not bring it back.
    if (account?.value !== commit.account) throw new AccountChangedError();
    for (const change of changes) commit.seen?.add(cellKey(change.table, change.id, change.field));
    const moved = (storedCursor?.value ?? '') === commit.since;
    const clockAfter = clockPast(clock, changes, commit.nowMillis);
    await Promise.all([
      ...byTable.map(({ table, cells }, i) => mergeRows(table, cells, storedByTable[i])), // 1
      clockAfter === null ? null : db.meta.put({ key: 'hlc', value: clockAfter }), // 2
      moved ? db.meta.put({ key: 'cursor', value: cursor }) : null, // 3
      db.outbox.bulkDelete([...commit.ackSeqs]), // 4
    ]);
    return moved;
  });
}

/** The cells of a page by table, then by row id, in page order. */
function cellsByRow(changes: readonly SyncChange[]): Map<string, Map<string, SyncChange[]>> {
  const byTable = new Map<string, Map<string, SyncChange[]>>();
  for (const change of changes) {
    let rows = byTable.get(change.table);
    if (!rows) byTable.set(change.table, (rows = new Map()));
    const cells = rows.get(change.id);
    if (cells) cells.push(change);
    else rows.set(change.id, [change]);
  }
  return byTable;
}

/** Merges each row's cells into the stored row (or a new one) and writes the rows that changed. */
async function mergeRows(
  table: Table<MergeableRow, string>,
  cellsById: ReadonlyMap<string, SyncChange[]>,
  stored: ReadonlyMap<string, MergeableRow> = new Map(),
): Promise<void> {
  const changed: MergeableRow[] = [];
  for (const [id, cells] of cellsById) {
    const merged = mergeIntoRow(stored.get(id) ?? { id }, cells);
    if (merged.won.length > 0) changed.push(merged.row);
  }
  if (changed.length > 0) await table.bulkPut(changed);
}

/**
 * The stored rows among `ids`. Reading each id (bulkGet is one request per key) was a
 * large part of a first sync, where most rows are new: the keys stored between the least
 * and the greatest id come first, in one request, and only those rows are read. When that
 * range holds many more keys than asked for (ids spread over a big table), every id is read.
 */
async function storedRows(
  table: Table<MergeableRow, string>,
  ids: readonly string[],
): Promise<Map<string, MergeableRow>> {
  const sorted = [...ids].sort();
  const [least, greatest] = [sorted[0], sorted.at(-1)];
  const found = new Map<string, MergeableRow>();
  if (least === undefined || greatest === undefined) return found;
  const cap = 4 * ids.length + 100;
  const keys = await table
    .where(':id')
    .between(least, greatest, true, true)
    .limit(cap)
    .primaryKeys();
  const wanted = new Set(ids);
  const present = keys.length < cap ? keys.filter((key) => wanted.has(key)) : sorted;
  const rows = await table.bulkGet(present);
  rows.forEach((row, i) => {
    const id = present[i];
    if (row && id !== undefined) found.set(id, row);
  });
  return found;
}
