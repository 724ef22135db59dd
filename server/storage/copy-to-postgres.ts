// `npm run admin -- copy-to-postgres`: moves a SQLite server's data into an empty,
// migrated PostgreSQL database (docs/scaling.md "Moving from SQLite"). Everything is
// copied as it is, in one PostgreSQL transaction: accounts, sessions and refresh
// tokens (devices stay signed in), the audit log, every cell with its sequence number
// and the sync state, and the instance's epoch and refresh secret, so every device's
// cursor and refresh token keeps working against the new database. The signing keys
// move into the database too (encrypted with PYB_KEY_SECRET when it is set).
import type { Db } from '../db/open';
import type { Sql } from './postgres/connect';
import type { KeyStorage } from './storage';

/** The tables in the order foreign keys need, with the columns both schemas share. */
const TABLES = [
  ['users', ['id', 'email', 'password_hash', 'created_at', 'disabled_at', 'last_login_at']],
  ['sessions', ['id', 'user_id', 'created_at', 'expires_at', 'last_refresh_at', 'revoked_at']],
  ['refresh_tokens', ['hash', 'session_id', 'created_at', 'rotated_at']],
  ['login_failures', ['user_id', 'recent', 'locked_until']],
  ['auth_events', ['id', 'at', 'event', 'user_id', 'ip', 'ua']],
  ['cells', ['user_id', 'tbl', 'row_id', 'field', 'value', 'hlc', 'seq']],
  ['tombstones', ['user_id', 'tbl', 'row_id', 'hlc']],
  [
    'sync_state',
    ['user_id', 'last_seq', 'purged_seq', 'purge_gen', 'base_purged_seq', 'base_purge_gen'],
  ],
] as const;

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const BATCH = 5000;

export class CopyError extends Error {
  override name = 'CopyError';
}

export interface CopyReport {
  /** Rows copied per table, in copy order. */
  rows: Record<string, number>;
  keys: number;
}

export async function copySqliteToPostgres(options: {
  sqlite: Db;
  sqliteKeys: KeyStorage;
  postgres: Sql;
  postgresKeys: KeyStorage;
  /** Called after each batch, and once for an empty table: a progress line per step. */
  onProgress?: (table: string, copied: number, total: number) => void;
}): Promise<CopyReport> {
  const { sqlite, postgres } = options;
  const [occupied] = await postgres<{ n: number }[]>`
    SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM cells) AS n`;
  if (Number(occupied?.n) > 0) {
    throw new CopyError(
      'The PostgreSQL database already holds accounts or data; copy into an empty one (only migrated).',
    );
  }
  // One read transaction on SQLite: a consistent snapshot even if something writes.
  sqlite.exec('BEGIN');
  try {
    const rows: Record<string, number> = {};
    await postgres.begin(async (tx) => {
      const q = tx as unknown as Sql;
      for (const [table, columns] of TABLES) {
        const total = (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number })
          .n;
        let copied = 0;
        let batch: Record<string, unknown>[] = [];
        const flush = async () => {
          if (batch.length === 0) return;
          await q`INSERT INTO ${q(table)} ${q(batch, ...columns)}`;
          copied += batch.length;
          batch = [];
          options.onProgress?.(table, copied, total);
        };
        const select = sqlite.prepare(`SELECT ${columns.join(', ')} FROM ${table}`);
        for (const row of select.iterate() as Iterable<Record<string, unknown>>) {
          batch.push(row);
          if (batch.length === BATCH) await flush();
        }
        await flush();
        if (copied === 0) options.onProgress?.(table, 0, total);
        rows[table] = copied;
      }
      // The copied ids came from SQLite: new events continue after the highest.
      await q`SELECT setval(pg_get_serial_sequence('auth_events', 'id'),
        greatest((SELECT max(id) FROM auth_events), 1))`;
      // The instance's identity: its epoch (cursors), the refresh secret (token successors).
      const instance = sqlite.prepare('SELECT key, value FROM instance').all() as {
        key: string;
        value: string;
      }[];
      await q`DELETE FROM instance`;
      if (instance.length > 0) await q`INSERT INTO instance ${q(instance, 'key', 'value')}`;
    });
    const keys = await options.sqliteKeys.list();
    for (const key of keys) await options.postgresKeys.add(key);
    return { rows, keys: keys.length };
  } finally {
    sqlite.exec('ROLLBACK');
  }
}
