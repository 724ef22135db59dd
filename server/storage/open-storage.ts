// Opens the storage the configuration names: PostgreSQL when PYB_DATABASE_URL is set,
// otherwise the SQLite file in PYB_DATA_DIR (created on first start). Migrations run
// here (PYB_MIGRATE=auto) or must already have run (off).
import type { Config } from '../config';
import { databasePath, openDatabase, closeDatabase, type Db } from '../db/open';
import { MIGRATIONS_DIR } from '../paths';
import { prepareSchema } from '../ops/startup';
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
  return { keys: fileKeyStorage(config.dataDir), close: async () => undefined };
}
