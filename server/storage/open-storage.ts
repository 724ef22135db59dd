// Opens the storage the configuration names: PostgreSQL when PYB_DATABASE_URL is set,
// otherwise the SQLite file in PYB_DATA_DIR (created on first start). Migrations run
// here (PYB_MIGRATE=auto) or must already have run (off).
import type { Config } from '../config';
import { databasePath, openDatabase, closeDatabase, type Db } from '../db/open';
import { MIGRATIONS_DIR } from '../paths';
import { preparePostgresSchema, prepareSchema } from '../ops/startup';
import { connectPostgres } from './postgres/connect';
import { createPostgresKeyStore } from './postgres/key-store';
import { createPostgresStorage } from './postgres/postgres-storage';
import { createSqliteStorage } from './sqlite/sqlite-storage';
import { fileKeyStorage } from './sqlite/key-files';
import type { KeyStorage, Storage } from './storage';

export interface OpenedStorage {
  storage: Storage;
  /** Migration versions applied by this start. */
  applied: number[];
  /** The SQLite database, for the jobs only SQLite has (scheduled backups); null on PostgreSQL. */
  sqlite: Db | null;
}

export async function openStorage(
  config: Pick<Config, 'dataDir' | 'migrate' | 'database' | 'keySecret'>,
  options: { checkpointOnClose?: boolean } = {},
): Promise<OpenedStorage> {
  if (config.database) {
    const sql = connectPostgres(config.database.url, { max: config.database.pool });
    try {
      const applied = await preparePostgresSchema(sql, config);
      const storage = createPostgresStorage(sql, {
        url: config.database.url,
        keySecret: config.keySecret,
      });
      return { storage, applied, sqlite: null };
    } catch (error) {
      await sql.end({ timeout: 5 });
      throw error;
    }
  }
  const db = openDatabase(databasePath(config.dataDir));
  try {
    const applied = prepareSchema(db, config, MIGRATIONS_DIR);
    return { storage: createSqliteStorage(db, config.dataDir, options), applied, sqlite: db };
  } catch (error) {
    closeDatabase(db);
    throw error;
  }
}

/** Only the signing keys, for `npm run rotate-keys`: no migration, nothing else opened. */
export async function openKeyStorage(
  config: Pick<Config, 'dataDir' | 'database' | 'keySecret'>,
): Promise<{ keys: KeyStorage; close(): Promise<void> }> {
  if (!config.database) {
    return { keys: fileKeyStorage(config.dataDir), close: async () => undefined };
  }
  const sql = connectPostgres(config.database.url, { max: 1 });
  return {
    keys: createPostgresKeyStore(sql, { secret: config.keySecret ?? undefined }),
    close: () => sql.end({ timeout: 5 }),
  };
}
