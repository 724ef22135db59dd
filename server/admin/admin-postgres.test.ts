// `npm run admin` with PYB_DATABASE_URL: moving a SQLite server's data into PostgreSQL
// (copy-to-postgres) without signing anyone out or losing a device's place, marking a
// database restored from a dump, `check`, and the account commands on PostgreSQL.
import { afterEach, describe, expect, it } from 'vitest';
import {
  getAccount,
  login,
  refresh,
  refreshCookie,
  register,
  PASSWORD,
} from '../test-support/auth-client';
import { createTestApp, type TestApp } from '../test-support/fixture';
import { freshPostgresDatabase, type TestDatabase } from '../test-support/postgres';
import { runAdminCaptured } from '../test-support/run-admin';
import {
  change,
  expectError,
  hlc,
  NODE_A,
  NODE_B,
  pullAll,
  sync,
  syncBody,
  syncOk,
  T0,
} from '../test-support/sync-client';

const apps: TestApp[] = [];
const databases: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((t) => t.close()));
  await Promise.all(databases.splice(0).map((db) => db.drop()));
});

async function app(options: Parameters<typeof createTestApp>[0]): Promise<TestApp> {
  const t = await createTestApp(options);
  apps.push(t);
  return t;
}

async function database(): Promise<TestDatabase> {
  const db = await freshPostgresDatabase();
  databases.push(db);
  return db;
}

const admin = runAdminCaptured;

const name = (id: string, value: string, millis: number) =>
  change('items', id, 'name', value, hlc(NODE_A, millis));

describe('admin copy-to-postgres', () => {
  it('moves accounts, sessions, cells and keys: devices carry on where they were', async () => {
    const sqlite = await app({ engine: 'sqlite' });
    const session = await register(sqlite.app);
    const token = session.accessToken;
    await syncOk(
      sqlite.app,
      token,
      syncBody(NODE_A, [name('i1', 'Tent', T0), name('i2', 'Stove', T0)]),
    );
    const { cursor } = await pullAll(sqlite.app, token, NODE_B);
    const jwks = await (await sqlite.app.request('/.well-known/jwks.json')).text();
    await sqlite.deps.storage.close(); // the server stops before the copy

    const target = await database();
    const dataDir = sqlite.deps.config.dataDir;
    // The test cluster trusts loopback, so any password is accepted: it must not be printed.
    const withPassword = target.url.replace('postgres@', 'postgres:s3cret-pw@');
    const copied = await admin({ PYB_DATA_DIR: dataDir, PYB_DATABASE_URL: withPassword }, [
      'copy-to-postgres',
    ]);
    expect(copied.err).toBe('');
    expect(copied.code).toBe(0);
    expect(copied.out).toMatch(/Copied 1 account\(s\), 2 cell\(s\) and 1 signing key\(s\)/);
    expect(copied.out).toContain('postgres:***@');
    expect(copied.out).not.toContain('s3cret-pw');

    const pg = await app({ databaseUrl: target.url });
    // The same signing key: the access token from before still works.
    expect(await (await pg.app.request('/.well-known/jwks.json')).text()).toBe(jwks);
    expect((await getAccount(pg.app, token)).status).toBe(200);
    // The same refresh secret and session: the device's refresh token rotates.
    const renewed = await refresh(pg.app, session.refreshToken);
    expect(renewed.status).toBe(200);
    expect(refreshCookie(renewed)?.value).toBeTruthy();
    // The same epoch and sequence: the device's cursor continues, nothing is sent twice.
    expect(await syncOk(pg.app, token, syncBody(NODE_B, [], cursor))).toMatchObject({
      changes: [],
      cursor,
    });
    const later = await syncOk(
      pg.app,
      token,
      syncBody(NODE_A, [name('i3', 'Pot', T0 + 1)], cursor),
    );
    expect(later.changes.map((c) => c.id)).toEqual(['i3']);
    expect((await pullAll(pg.app, token, NODE_B)).changes.map((c) => c.id).sort()).toEqual([
      'i1',
      'i2',
      'i3',
    ]);
    // The password still signs in, and new audit entries follow the copied ones.
    await login(pg.app, session.user.email, PASSWORD);
    const ids = await pg.query<{ id: number }>('SELECT id FROM auth_events ORDER BY id');
    expect(new Set(ids.map((row) => Number(row.id))).size).toBe(ids.length);
  });

  it('refuses a database that already holds data, and needs PYB_DATABASE_URL', async () => {
    const sqlite = await app({ engine: 'sqlite' });
    await register(sqlite.app);
    await sqlite.deps.storage.close();
    const target = await database();
    const occupied = await app({ databaseUrl: target.url });
    await register(occupied.app);
    const env = { PYB_DATA_DIR: sqlite.deps.config.dataDir, PYB_DATABASE_URL: target.url };
    const refused = await admin(env, ['copy-to-postgres']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/already holds accounts or data/);
    const missing = await admin({ PYB_DATA_DIR: sqlite.deps.config.dataDir }, ['copy-to-postgres']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/needs PYB_DATABASE_URL/);
  });

  it('refuses while a server runs on the data directory', async () => {
    const sqlite = await app({ engine: 'sqlite' });
    const { holdServerLock } = await import('../backup/server-lock');
    const lock = holdServerLock(sqlite.deps.config.dataDir);
    try {
      const target = await database();
      const env = { PYB_DATA_DIR: sqlite.deps.config.dataDir, PYB_DATABASE_URL: target.url };
      const refused = await admin(env, ['copy-to-postgres']);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/A server is running on .*: stop it first/);
    } finally {
      lock.release();
    }
  });
});

describe('admin on PostgreSQL', () => {
  it('mark-restored makes devices re-send what a dump lacks (410, cause restore)', async () => {
    const target = await database();
    const pg = await app({ databaseUrl: target.url });
    const user = await register(pg.app);
    const pushed = await syncOk(
      pg.app,
      user.accessToken,
      syncBody(NODE_A, [name('i1', 'Tent', T0)]),
    );
    const env = { PYB_DATA_DIR: pg.deps.config.dataDir, PYB_DATABASE_URL: target.url };
    const marked = await admin(env, ['mark-restored']);
    expect(marked.code).toBe(0);
    expect(marked.out).toMatch(/Marked .* as restored \(epoch [0-9a-f]{12}\)/);
    const after = await sync(pg.app, user.accessToken, {
      ...syncBody(NODE_A, [], pushed.cursor),
      resend: false,
    });
    expect(expectError(after, 410, 'resync_required').error.details).toMatchObject({
      cause: 'restore',
    });
  });

  it('check reports the database, its schema and the keys; backups point at pg_dump', async () => {
    const target = await database();
    const pg = await app({ databaseUrl: target.url });
    const env = { PYB_DATA_DIR: pg.deps.config.dataDir, PYB_DATABASE_URL: target.url };
    const checked = await admin(env, ['check']);
    expect(checked.code, checked.err).toBe(0);
    expect(checked.out).toMatch(/ok +postgres:\/\/.*: answers/);
    expect(checked.out).toMatch(/schema: up to date/);
    expect(checked.out).toMatch(/signing key \S+; 1 published/);
    const backup = await admin(env, ['backup', '/tmp/never.db']);
    expect(backup.code).toBe(1);
    expect(backup.err).toMatch(/back up with pg_dump/);
    const down = await admin({ ...env, PYB_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, [
      'check',
    ]);
    expect(down.code).toBe(1);
    expect(down.out).toMatch(/PROBLEM .* does not answer/);
  });

  it('the account commands work on PostgreSQL', async () => {
    const target = await database();
    const pg = await app({ databaseUrl: target.url });
    const env = { PYB_DATA_DIR: pg.deps.config.dataDir, PYB_DATABASE_URL: target.url };
    const created = await admin(env, ['create-user', 'hiker@example.com'], 'a long new password\n');
    expect(created.code, created.err).toBe(0);
    const session = await login(pg.app, 'hiker@example.com', 'a long new password');
    expect((await admin(env, ['disable', 'hiker@example.com'])).code).toBe(0);
    expect((await getAccount(pg.app, session.accessToken)).status).toBe(401);
    const listed = await admin(env, ['users']);
    expect(listed.out).toMatch(/hiker@example\.com .* since /);
    expect((await admin(env, ['delete-user', 'hiker@example.com', '--yes'])).code).toBe(0);
    expect(await pg.query('SELECT * FROM users')).toEqual([]);
  });
});
