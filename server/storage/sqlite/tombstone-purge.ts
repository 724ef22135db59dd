// The tombstone purge on SQLite (sync/tombstone-purge.ts has the rules), in one
// transaction.
import type { Db } from '../../db/open';
import { horizonHlc, type Tombstone } from '../../sync/tombstone-purge';

/** The deleted rows a purge at `horizonMillis` removes (all users). */
export function tombstonesBefore(db: Db, horizonMillis: number): Tombstone[] {
  return db
    .prepare<[string], Tombstone>('SELECT user_id, tbl, row_id FROM tombstones WHERE hlc < ?')
    .all(horizonHlc(horizonMillis));
}

export function purgeTombstones(db: Db, horizonMillis: number): number {
  const maxSeq = db.prepare<[string, string, string], { seq: number }>(
    'SELECT max(seq) AS seq FROM cells WHERE user_id = ? AND tbl = ? AND row_id = ?',
  );
  const remove = [
    db.prepare<[string, string, string]>(
      'DELETE FROM cells WHERE user_id = ? AND tbl = ? AND row_id = ?',
    ),
    db.prepare<[string, string, string]>(
      'DELETE FROM tombstones WHERE user_id = ? AND tbl = ? AND row_id = ?',
    ),
  ];
  const raiseHorizon = db.prepare<[string, number]>(
    `INSERT INTO sync_state (user_id, purged_seq, purge_gen) VALUES (?, ?, 1)
     ON CONFLICT (user_id) DO UPDATE SET purged_seq = max(purged_seq, excluded.purged_seq),
       purge_gen = purge_gen + 1`,
  );
  return db.transaction(() => {
    const rows = tombstonesBefore(db, horizonMillis);
    const horizons = new Map<string, number>();
    for (const row of rows) {
      const seq = maxSeq.get(row.user_id, row.tbl, row.row_id)?.seq ?? 0;
      remove.forEach((statement) => statement.run(row.user_id, row.tbl, row.row_id));
      horizons.set(row.user_id, Math.max(horizons.get(row.user_id) ?? 0, seq));
    }
    // One generation per user and purge: cursors handed out from now on have seen it.
    for (const [userId, seq] of horizons) raiseHorizon.run(userId, seq);
    return rows.length;
  })();
}
