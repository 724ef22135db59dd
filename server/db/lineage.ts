// The database's history for sync cursors (server/sync/cursor.ts): its epoch, the
// epoch of the backup it was restored from, and the epoch of bare-number cursors from
// before epochs. All three live in the `instance` table (migration 0004).
import { randomBytes } from 'node:crypto';
import type { Lineage } from '../sync/cursor';
import type { Db } from './open';

export function createLineageReader(db: Db): () => Lineage {
  const read = db.prepare<[], { key: string; value: string }>(
    "SELECT key, value FROM instance WHERE key IN ('epoch', 'restored_from', 'legacy_epoch')",
  );
  // Read on every sync: a restore replaces the whole file, but tests restore in place.
  return () => lineageOf(read.all());
}

/** The lineage from the instance table's rows (either engine reads the same keys). */
export function lineageOf(rows: readonly { key: string; value: string }[]): Lineage {
  const values = new Map(rows.map((row) => [row.key, row.value]));
  const epoch = values.get('epoch');
  if (!epoch) throw new Error('The database has no epoch: run the migrations.');
  return {
    epoch,
    restoredFrom: values.get('restored_from') ?? null,
    legacyEpoch: values.get('legacy_epoch') ?? null,
  };
}

/**
 * Marks the database as restored from a backup: a new epoch, the backup's epoch as
 * `restored_from`, and every user's purge horizon kept as the base that cursors from the
 * backup's history are judged by. One transaction. Returns the new epoch.
 */
export function startNewEpoch(db: Db, restoredAt: number): string {
  const epoch = randomBytes(6).toString('hex');
  const set = db.prepare<[string, string]>(
    `INSERT INTO instance (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  db.transaction(() => {
    const previous = db
      .prepare<[], string>("SELECT value FROM instance WHERE key = 'epoch'")
      .pluck()
      .get();
    if (previous) set.run('restored_from', previous);
    set.run('epoch', epoch);
    set.run('restored_at', new Date(restoredAt).toISOString());
    db.exec('UPDATE sync_state SET base_purged_seq = purged_seq, base_purge_gen = purge_gen');
  })();
  return epoch;
}
