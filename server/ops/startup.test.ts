import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { migrate, readMigrations } from '../db/migrate';
import { closeDatabase, openDatabase, type Db } from '../db/open';
import { MIGRATIONS_DIR } from '../paths';
import { PendingMigrationsError, prepareSchema, startupWarnings } from './startup';

describe('startupWarnings', () => {
  it('names the closest setting for a misspelt PYB_ variable', () => {
    const env = { PYB_SIGNUP: 'false' };
    expect(startupWarnings(loadConfig(env), env)).toEqual([
      expect.stringMatching(/PYB_SIGNUP .*did you mean PYB_ALLOW_SIGNUP\?/),
    ]);
  });

  it('says why /metrics is off behind a proxy without a token', () => {
    const env = { PYB_TRUST_PROXY: 'true' };
    expect(startupWarnings(loadConfig(env), env)).toEqual([
      expect.stringMatching(/\/metrics is off .*PYB_METRICS_TOKEN/),
    ]);
    const withToken = { ...env, PYB_METRICS_TOKEN: 'a-long-metrics-token' };
    expect(startupWarnings(loadConfig(withToken), withToken)).toEqual([]);
  });

  it('warns that the signing keys are stored plain on PostgreSQL without PYB_KEY_SECRET', () => {
    const env = { PYB_DATABASE_URL: 'postgres://pyb@db/pyb' };
    expect(startupWarnings(loadConfig(env), env)).toEqual([
      expect.stringMatching(
        /signing keys are stored in PostgreSQL unencrypted: set PYB_KEY_SECRET/,
      ),
    ]);
    const withSecret = { ...env, PYB_KEY_SECRET: 'a-long-key-secret-value' };
    expect(startupWarnings(loadConfig(withSecret), withSecret)).toEqual([]);
  });
});

describe('prepareSchema', () => {
  let db: Db | undefined;
  afterEach(() => db && closeDatabase(db));

  it('applies pending migrations with PYB_MIGRATE=auto', () => {
    db = openDatabase(':memory:');
    expect(prepareSchema(db, { migrate: 'auto' }, MIGRATIONS_DIR).length).toBeGreaterThan(0);
  });

  it('refuses a pending migration with PYB_MIGRATE=off, naming the command, and changes nothing', () => {
    db = openDatabase(':memory:');
    const run = () => prepareSchema(db as Db, { migrate: 'off' }, MIGRATIONS_DIR);
    expect(run).toThrow(PendingMigrationsError);
    expect(run).toThrow(/0001-init.*npm run migrate/);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    expect(tables).toEqual([]);
  });

  it('starts with PYB_MIGRATE=off once the schema is current', () => {
    db = openDatabase(':memory:');
    migrate(db, readMigrations(MIGRATIONS_DIR));
    expect(prepareSchema(db, { migrate: 'off' }, MIGRATIONS_DIR)).toEqual([]);
  });
});
