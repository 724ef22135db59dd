// `npm run migrate`: applies pending migrations to the server's database (SQLite in
// PYB_DATA_DIR, or PostgreSQL at PYB_DATABASE_URL) without starting the server, for
// deploy steps that migrate before switching.
import { ConfigError, loadConfig } from '../config';
import { openStorage } from '../storage/open-storage';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const { storage, applied } = await openStorage({ ...config, migrate: 'auto' });
  try {
    console.log(
      applied.length
        ? `Applied migrations ${applied.join(', ')} to ${storage.location}`
        : `${storage.location} is up to date`,
    );
  } finally {
    await storage.close();
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError ? error.message : `Migration failed: ${(error as Error).message}`,
  );
  process.exitCode = 1;
});
