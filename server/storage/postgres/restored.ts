// After `pg_restore` of a dump: the same as SQLite's restore does to its file
// (db/lineage.ts startNewEpoch). A new epoch tells every device its cursor is from
// before the restore, so it sends again what the dump lacks (410 resync_required,
// cause "restore", docs/api.md), and the purge horizons at the time of the dump become
// the base that old cursors are judged by. One transaction. Returns the new epoch.
import { randomBytes } from 'node:crypto';
import type { Sql } from './connect';

export async function markPostgresRestored(sql: Sql, restoredAt: number): Promise<string> {
  const epoch = randomBytes(6).toString('hex');
  await sql.begin(async (tx) => {
    const [previous] = await tx<{ value: string }[]>`
      SELECT value FROM instance WHERE key = 'epoch' FOR UPDATE`;
    const set = (key: string, value: string) =>
      tx`INSERT INTO instance (key, value) VALUES (${key}, ${value})
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
    if (previous) await set('restored_from', previous.value);
    await set('epoch', epoch);
    await set('restored_at', new Date(restoredAt).toISOString());
    await tx`UPDATE sync_state SET base_purged_seq = purged_seq, base_purge_gen = purge_gen`;
  });
  return epoch;
}
