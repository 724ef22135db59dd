// Builds a real app for in-process tests: a real SQLite file in a fresh temp
// directory, a real key ring, and a logger whose lines are captured for checks.
import { Writable } from 'node:stream';
import { createApp, type AppDeps } from '../app';
import { loadKeyRing } from '../auth/keys';
import { loadConfig } from '../config';
import { migrate, readMigrations } from '../db/migrate';
import { closeDatabase, databasePath, openDatabase } from '../db/open';
import { createLogger } from '../logger';
import { MIGRATIONS_DIR } from '../paths';
import { tempDir } from './temp-dir';

export { tempDir };

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  logLines: () => Record<string, unknown>[];
  close(): void;
}

export async function createTestApp(
  options: { env?: Record<string, string>; staticRoot?: string } = {},
): Promise<TestApp> {
  const dir = tempDir();
  const config = loadConfig({ PYB_DATA_DIR: dir.path, ...options.env });
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger('info', sink);
  const db = openDatabase(databasePath(config.dataDir));
  migrate(db, readMigrations(MIGRATIONS_DIR));
  const keys = await loadKeyRing(config.dataDir);
  const deps: AppDeps = { db, keys, config, logger, clock: Date, version: '9.9.9-test' };
  if (options.staticRoot) deps.staticRoot = options.staticRoot;
  return {
    app: createApp(deps),
    deps,
    logLines: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    close() {
      closeDatabase(db);
      dir.remove();
    },
  };
}
