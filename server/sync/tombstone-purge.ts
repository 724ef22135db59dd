// Purges deleted rows whose tombstone (`deleted = true`) is older than the
// horizon: all the row's cells go. A device whose cursor is below the highest
// sequence purged may not have seen the deletion, so the user's `purged_seq`
// moves up to it and such a cursor gets 410 resync_required (sync-service.ts).
// The deletion's hlc is its time: hlcs sort as text in time order ([C2]).
import type { Db } from '../db/open';

interface Tombstone {
  user_id: string;
  tbl: string;
  row_id: string;
}

export function purgeTombstones(db: Db, horizonMillis: number): number {
  const horizon = new Date(horizonMillis).toISOString();
  const tombstones = db.prepare<[string], Tombstone>(
    'SELECT user_id, tbl, row_id FROM tombstones WHERE hlc < ?',
  );
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
    `INSERT INTO sync_state (user_id, purged_seq) VALUES (?, ?)
     ON CONFLICT (user_id) DO UPDATE SET purged_seq = max(purged_seq, excluded.purged_seq)`,
  );
  return db.transaction(() => {
    const rows = tombstones.all(horizon);
    for (const row of rows) {
      const seq = maxSeq.get(row.user_id, row.tbl, row.row_id)?.seq ?? 0;
      remove.forEach((statement) => statement.run(row.user_id, row.tbl, row.row_id));
      raiseHorizon.run(row.user_id, seq);
    }
    return rows.length;
  })();
}
