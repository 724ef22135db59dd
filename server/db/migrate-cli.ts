// `npm run migrate`: applies pending migrations to the database in PYB_DATA_DIR
// without starting the server (for deploy steps that migrate before switching).
import { ConfigError, loadConfig } from '../config';
import { MIGRATIONS_DIR } from '../paths';
import { migrate, readMigrations } from './migrate';
import { closeDatabase, databasePath, openDatabase } from './open';

try {
  const config = loadConfig(process.env);
  const file = databasePath(config.dataDir);
  const db = openDatabase(file);
  try {
    const applied = migrate(db, readMigrations(MIGRATIONS_DIR));
    console.log(
      applied.length
        ? `Applied migrations ${applied.join(', ')} to ${file}`
        : `${file} is up to date`,
    );
  } finally {
    closeDatabase(db);
  }
} catch (error) {
  console.error(
    error instanceof ConfigError ? error.message : `Migration failed: ${(error as Error).message}`,
  );
  process.exitCode = 1;
}
