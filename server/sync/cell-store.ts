// The prepared statements of the cells table (see migration 0003), behind one
// narrow interface. All of them run inside the caller's transaction.
import type { Db } from '../db/open';

export interface StoredCell {
  tbl: string;
  row_id: string;
  field: string;
  /** JSON text. */
  value: string;
  hlc: string;
  seq: number;
}

export interface SyncState {
  last_seq: number;
  purged_seq: number;
  /** How many purges raised purged_seq ([P5]). */
  purge_gen: number;
  /** purged_seq and purge_gen when the database was restored (lineage.ts). */
  base_purged_seq: number;
  base_purge_gen: number;
}

const NO_STATE: SyncState = {
  last_seq: 0,
  purged_seq: 0,
  purge_gen: 0,
  base_purged_seq: 0,
  base_purge_gen: 0,
};

export function createCellStore(db: Db) {
  // Writes only when the incoming hlc is greater: [M1] greater wins, [M5] an
  // equal hlc is the same write and keeps the stored value and sequence.
  const upsert = db.prepare<[string, string, string, string, string, string, number]>(
    `INSERT INTO cells (user_id, tbl, row_id, field, value, hlc, seq) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (user_id, tbl, row_id, field) DO UPDATE
       SET value = excluded.value, hlc = excluded.hlc, seq = excluded.seq
       WHERE excluded.hlc > cells.hlc`,
  );
  const state = db.prepare<[string], SyncState>(
    `SELECT last_seq, purged_seq, purge_gen, base_purged_seq, base_purge_gen
     FROM sync_state WHERE user_id = ?`,
  );
  const saveLastSeq = db.prepare<[string, number]>(
    `INSERT INTO sync_state (user_id, last_seq) VALUES (?, ?)
     ON CONFLICT (user_id) DO UPDATE SET last_seq = excluded.last_seq`,
  );
  const markDeleted = db.prepare<[string, string, string, string]>(
    `INSERT INTO tombstones (user_id, tbl, row_id, hlc) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_id, tbl, row_id) DO UPDATE SET hlc = excluded.hlc`,
  );
  const hasTombstones = db.prepare<[string], unknown>(
    'SELECT 1 FROM tombstones WHERE user_id = ? LIMIT 1',
  );
  const unmarkDeleted = db.prepare<[string, string, string]>(
    'DELETE FROM tombstones WHERE user_id = ? AND tbl = ? AND row_id = ?',
  );
  const eraseUser = [
    db.prepare<[string]>('DELETE FROM cells WHERE user_id = ?'),
    db.prepare<[string]>('DELETE FROM tombstones WHERE user_id = ?'),
  ];
  const page = db.prepare<[string, number, number], StoredCell>(
    `SELECT tbl, row_id, field, value, hlc, seq FROM cells
     WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
  );
  // On the (user_id, seq) index: counts entries, reads no cell (a progress total).
  const countAfter = db.prepare<[string, number], { n: number }>(
    'SELECT count(*) AS n FROM cells WHERE user_id = ? AND seq > ?',
  );
  return {
    state: (userId: string): SyncState => state.get(userId) ?? NO_STATE,
    /**
     * Writes one user's pushed cells, in the caller's transaction: each call returns true
     * when the cell was written (it won), and keeps the tombstones table in step. An undo
     * (`deleted: false`) deletes the row's tombstone only if the user may have one: most
     * pushes are of users with none, and a DELETE per row would cost them a statement for
     * every eighth cell of a first sync. Asked on the first undo only: most pushes have none.
     */
    writer(userId: string) {
      let mayHaveTombstones: boolean | undefined;
      return (cell: Omit<StoredCell, 'seq'>, seq: number): boolean => {
        const { tbl, row_id, field, value, hlc } = cell;
        const won = upsert.run(userId, tbl, row_id, field, value, hlc, seq).changes === 1;
        if (won && field === 'deleted') {
          if (value === 'true') {
            markDeleted.run(userId, tbl, row_id, hlc);
            mayHaveTombstones = true;
          } else if ((mayHaveTombstones ??= hasTombstones.get(userId) !== undefined)) {
            unmarkDeleted.run(userId, tbl, row_id);
          }
        }
        return won;
      };
    },
    /** Every cell of the user (account deletion; the caller holds the transaction). */
    eraseUser: (userId: string) => eraseUser.forEach((statement) => statement.run(userId)),
    saveLastSeq: (userId: string, seq: number) => void saveLastSeq.run(userId, seq),
    /** Up to `limit` cells with a sequence greater than `after`, in sequence order. */
    page: (userId: string, after: number, limit: number) => page.all(userId, after, limit),
    /** How many cells have a sequence greater than `after`. */
    countAfter: (userId: string, after: number) => countAfter.get(userId, after)?.n ?? 0,
  };
}

export type CellStore = ReturnType<typeof createCellStore>;
