// The storage under a test app: SQLite in the test's temporary folder, or a fresh
// PostgreSQL database (PYB_TEST_STORAGE=postgres, the `server-postgres` test project),
// with one way to plant and inspect rows that works on both: `query` takes SQL with `?`
// placeholders, written in the dialect both engines share.
import type { Db } from '../db/open';
import { migrate, readMigrations } from '../db/migrate';
import { databasePath, openDatabase } from '../db/open';
import { MIGRATIONS_DIR } from '../paths';
import { createSqliteStorage } from '../storage/sqlite/sqlite-storage';
import type { Storage, StorageEngine } from '../storage/storage';

export interface TestStorage {
  storage: Storage;
  /** The SQLite database; null on PostgreSQL. */
  sqlite: Db | null;
  /** The PostgreSQL database's URL; null on SQLite. */
  databaseUrl: string | null;
  query<T = Record<string, unknown>>(text: string, ...params: unknown[]): Promise<T[]>;
  /** The names of the application's tables (not the migrations' bookkeeping). */
  tables(): Promise<string[]>;
  close(): Promise<void>;
}

/** The engine tests run on: PYB_TEST_STORAGE, default sqlite. */
export function testEngine(): StorageEngine {
  const engine = process.env['PYB_TEST_STORAGE'] ?? 'sqlite';
  if (engine !== 'sqlite' && engine !== 'postgres') {
    throw new Error(`PYB_TEST_STORAGE must be sqlite or postgres, not ${engine}`);
  }
  return engine;
}

/** `databaseUrl`: an existing PostgreSQL database instead of a fresh one. */
export async function openTestStorage(
  engine: StorageEngine,
  dataDir: string,
  databaseUrl?: string,
): Promise<TestStorage> {
  if (engine === 'postgres') {
    const { openPostgresTestStorage } = await import('./test-storage-postgres');
    return openPostgresTestStorage(databaseUrl);
  }
  const db = openDatabase(databasePath(dataDir));
  migrate(db, readMigrations(MIGRATIONS_DIR));
  const storage = createSqliteStorage(db, dataDir);
  return {
    storage,
    sqlite: db,
    databaseUrl: null,
    async query<T>(text: string, ...params: unknown[]) {
      const statement = db.prepare(text);
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params);
      return [];
    },
    async tables() {
      return db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table'
             AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name`,
        )
        .pluck()
        .all() as string[];
    },
    close: () => storage.close(),
  };
}
