// The prepared statements of the cells table on SQLite (see migration 0003), behind
// one narrow interface. All of them run inside the caller's transaction.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import { NO_STATE, type StoredCell, type SyncState } from '../../sync/cells';

/** Cells written by one multi-row statement: fewer calls into SQLite than one per cell. */
const CELLS_PER_STATEMENT = 100;

/**
 * Writes only when the incoming hlc is greater: [M1] greater wins, [M5] an equal hlc is the
 * same write and keeps the stored value and sequence. A statement's `changes` counts its
 * winners (each changes one row).
 */
function upsertSql(rows: number): string {
  const values = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
  return `INSERT INTO cells (user_id, tbl, row_id, field, value, hlc, seq) VALUES ${values}
     ON CONFLICT (user_id, tbl, row_id, field) DO UPDATE
       SET value = excluded.value, hlc = excluded.hlc, seq = excluded.seq
       WHERE excluded.hlc > cells.hlc`;
}

export function createCellStore(db: Db) {
  // One statement per size, prepared when first needed: a push's last 1-99 cells (most
  // pushes are a few cells) go in one statement too.
  const upserts = new Map<number, Statement<unknown[]>>();
  const upsertOf = (rows: number) => {
    let statement = upserts.get(rows);
    if (!statement) upserts.set(rows, (statement = db.prepare<unknown[]>(upsertSql(rows))));
    return statement;
  };
  const seqsBetween = db
    .prepare<[string, number, number], number>(
      'SELECT seq FROM cells WHERE user_id = ? AND seq BETWEEN ? AND ? ORDER BY seq',
    )
    .pluck();
  // Closes the holes among the numbers from `first` on, keeping their order: first each
  // takes its final number negated (free, as no number is negative), then the sign flips.
  // Two statements, however many cells move; the unique (user_id, seq) index holds throughout.
  const renumberFrom = [
    db.prepare<{ user: string; first: number }>(
      `WITH kept AS MATERIALIZED (
         SELECT tbl, row_id, field, row_number() OVER (ORDER BY seq) AS n
         FROM cells WHERE user_id = :user AND seq >= :first)
       UPDATE cells SET seq = -(:first + kept.n - 1) FROM kept
       WHERE cells.user_id = :user AND cells.tbl = kept.tbl
         AND cells.row_id = kept.row_id AND cells.field = kept.field`,
    ),
    db.prepare<{ user: string; first: number }>(
      'UPDATE cells SET seq = -seq WHERE user_id = :user AND seq < 0',
    ),
  ];
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
  // On the (user_id, seq) index: counts entries, reads no cell (a progress total, and
  // whether a push left holes to close).
  const countAfter = db.prepare<[string, number], { n: number }>(
    'SELECT count(*) AS n FROM cells WHERE user_id = ? AND seq > ?',
  );
  /**
   * The tombstones of the rows whose `deleted` cell won (`winners` holds only such cells),
   * in push order. An undo (`deleted: false`) deletes the row's tombstone only if the user
   * may have one: most
   * pushes are of users with none, and a DELETE per row would cost them a statement for
   * every eighth cell of a first sync. Asked on the first undo only.
   */
  function keepTombstones(userId: string, winners: readonly Omit<StoredCell, 'seq'>[]) {
    let mayHaveTombstones: boolean | undefined;
    for (const { tbl, row_id, value, hlc } of winners) {
      if (value === 'true') {
        markDeleted.run(userId, tbl, row_id, hlc);
        mayHaveTombstones = true;
      } else if ((mayHaveTombstones ??= hasTombstones.get(userId) !== undefined)) {
        unmarkDeleted.run(userId, tbl, row_id);
      }
    }
  }

  return {
    state: (userId: string): SyncState => state.get(userId) ?? NO_STATE,
    /**
     * Writes one user's pushed cells, in the caller's transaction, after the user's last
     * sequence number `lastSeq`, and keeps the tombstones table in step. Returns how many
     * won (a cell repeated in the push counts each time it won) and the user's new last
     * sequence number. Winners end up numbered lastSeq + 1, lastSeq + 2, … in push order,
     * with no number skipped (docs/api.md "Pulling and cursors"): each cell is offered
     * lastSeq + 1 + its index, and when some lost (or a cell repeated in the push replaced
     * its earlier self) the survivors move down to close the holes. Most pushes have no
     * loser, and cost one count to find that out. Which cells won is read back only for a
     * statement with a loser and a `deleted` cell: the tombstones need it, nothing else.
     */
    writeAll(userId: string, cells: readonly Omit<StoredCell, 'seq'>[], lastSeq: number) {
      const first = lastSeq + 1;
      const deletedWinners: Omit<StoredCell, 'seq'>[] = [];
      let applied = 0;
      const args: unknown[] = [];
      let from = first;
      cells.forEach(({ tbl, row_id, field, value, hlc }, index) => {
        const seq = first + index;
        args.push(userId, tbl, row_id, field, value, hlc, seq);
        const rows = args.length / 7;
        if (rows < CELLS_PER_STATEMENT && index < cells.length - 1) return;
        const { changes } = upsertOf(rows).run(args);
        args.length = 0;
        applied += changes;
        const deleted = cells
          .slice(from - first, seq - first + 1)
          .map((cell, i) => ({ cell, seq: from + i }))
          .filter(({ cell }) => cell.field === 'deleted');
        if (deleted.length > 0) {
          const present = changes === rows ? null : new Set(seqsBetween.all(userId, from, seq));
          for (const { cell, seq: offered } of deleted)
            if (!present || present.has(offered)) deletedWinners.push(cell);
        }
        from = seq + 1;
      });
      keepTombstones(userId, deletedWinners);
      if (applied === 0) return { applied, lastSeq };
      const kept = countAfter.get(userId, lastSeq)?.n ?? 0;
      if (kept !== cells.length) {
        for (const statement of renumberFrom) statement.run({ user: userId, first });
      }
      return { applied, lastSeq: lastSeq + kept };
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
