// Builds a real app for in-process tests: real storage (a SQLite file in a fresh temp
// directory, or a fresh PostgreSQL database: test-storage.ts), a real key ring, and a
// logger whose lines are captured for checks.
import { Writable } from 'node:stream';
import { createApp, type AppDeps } from '../app';
import type { Clock } from '../clock';
import { PRODUCTION_SCRYPT, type ScryptParams } from '../auth/password';
import { loadKeyRing } from '../auth/keys';
import type { Db } from '../db/open';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import type { ErrorReporter } from '../ops/error-reports';
import type { StorageEngine } from '../storage/storage';
import { tempDir } from './temp-dir';
import { openTestStorage, testEngine, type TestStorage } from './test-storage';

export { tempDir };

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  engine: StorageEngine;
  /** The SQLite database under the app, for SQLite-only tests; throws on PostgreSQL. */
  readonly db: Db;
  /** The PostgreSQL database's URL; null on SQLite. */
  databaseUrl: string | null;
  /** Plants or inspects rows on either engine (test-storage.ts). */
  query: TestStorage['query'];
  tables: TestStorage['tables'];
  logLines: () => Record<string, unknown>[];
  close(): Promise<void>;
}

/** Cheap scrypt for tests that are not about hashing (the real cost is ~0.35 s a hash). */
export const TEST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

/** A clock tests move by hand: `clock.advance(11_000)` is eleven seconds later. */
export function manualClock(start = Date.parse('2026-11-26T10:00:00.000Z')) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
    set(ms: number) {
      now = ms;
    },
  };
}

export interface TestAppOptions {
  env?: Record<string, string>;
  staticRoot?: string;
  /** Defaults to the real clock. */
  clock?: Clock;
  /** `true` hashes with the production parameters; default TEST_SCRYPT. */
  realScrypt?: boolean;
  errorReporter?: ErrorReporter;
  /** Default: PYB_TEST_STORAGE, else sqlite. */
  engine?: StorageEngine;
  /** PostgreSQL: this existing database (kept at close) instead of a fresh one. */
  databaseUrl?: string;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
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
  const engine = options.databaseUrl ? 'postgres' : (options.engine ?? testEngine());
  const under = await openTestStorage(engine, config.dataDir, options.databaseUrl);
  const { storage } = under;
  const keys = await loadKeyRing(storage.keys);
  const deps: AppDeps = {
    storage,
    keys,
    config,
    logger,
    clock: options.clock ?? Date,
    version: '9.9.9-test',
    scrypt: options.realScrypt ? PRODUCTION_SCRYPT : TEST_SCRYPT,
  };
  if (options.staticRoot) deps.staticRoot = options.staticRoot;
  if (options.errorReporter) deps.errorReporter = options.errorReporter;
  return {
    app: createApp(deps),
    deps,
    engine,
    get db() {
      if (!under.sqlite) throw new Error('This test plants rows with SQLite-only SQL.');
      return under.sqlite;
    },
    databaseUrl: under.databaseUrl,
    query: under.query,
    tables: under.tables,
    logLines: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    async close() {
      await under.close();
      dir.remove();
    },
  };
}
