// The sync tables of both engines side by side, for tests that hold PostgreSQL's sync
// store to SQLite's (storage/postgres/sync-store*.test.ts): SQLite's runSync, purge and
// export behind the same async SyncStorage interface, and each engine's tables dumped in
// one comparable form.
import { migrate, readMigrations } from '../db/migrate';
import { openDatabase, type Db } from '../db/open';
import { MIGRATIONS_DIR } from '../paths';
import type { Sql } from '../storage/postgres/connect';
import type { SyncStorage } from '../storage/storage';
import { createSqliteSyncStorage } from '../storage/sqlite/sqlite-storage';
import type { StoredCell } from '../sync/cells';

export interface Tables {
  cells: StoredCell[];
  tombstones: { user_id: string; tbl: string; row_id: string; hlc: string }[];
  states: {
    user_id: string;
    last_seq: number;
    purged_seq: number;
    purge_gen: number;
  }[];
}

const CELLS = 'SELECT tbl, row_id, field, value, hlc, seq FROM cells ORDER BY user_id, seq';
const TOMBSTONES = 'SELECT user_id, tbl, row_id, hlc FROM tombstones ORDER BY user_id, tbl, row_id';
// A user with sync state but no pushed winner yet has no row in SQLite (the row is written
// with the first winner) but has one in PostgreSQL (its push locked it): compare the rows
// that say something.
const STATES = `SELECT user_id, last_seq, purged_seq, purge_gen FROM sync_state
  WHERE last_seq > 0 OR purge_gen > 0 ORDER BY user_id`;

/** SQLite's sync in memory, for users inserted with addUser. */
export function sqliteSync(): {
  db: Db;
  sync: SyncStorage;
  addUser(id: string): void;
  tables(): Tables;
} {
  const db = openDatabase(':memory:');
  migrate(db, readMigrations(MIGRATIONS_DIR));
  return {
    db,
    sync: createSqliteSyncStorage(db),
    addUser(id) {
      db.prepare(
        "INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, 'not a hash', 0)",
      ).run(id, `${id}@example.com`);
    },
    tables: () => ({
      cells: db.prepare<[], StoredCell>(CELLS).all(),
      tombstones: db.prepare<[], Tables['tombstones'][number]>(TOMBSTONES).all(),
      states: db.prepare<[], Tables['states'][number]>(STATES).all(),
    }),
  };
}

export async function postgresTables(sql: Sql): Promise<Tables> {
  const [cells, tombstones, states] = await Promise.all([
    sql.unsafe<StoredCell[]>(CELLS),
    sql.unsafe<Tables['tombstones']>(TOMBSTONES),
    sql.unsafe<Tables['states']>(STATES),
  ]);
  return { cells: [...cells], tombstones: [...tombstones], states: [...states] };
}
