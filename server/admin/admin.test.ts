// The admin command in process (runAdmin with captured standard streams) against the real
// app on the same data directory: backups, restore and the account commands, with their
// exit codes, their one-line errors and their effect on the HTTP API.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { holdServerLock } from '../backup/server-lock';
import { createLineageReader } from '../db/lineage';
import { migrate, readMigrations } from '../db/migrate';
import { closeDatabase, databasePath, openDatabase } from '../db/open';
import { MIGRATIONS_DIR } from '../paths';
import {
  authEvents,
  expectError,
  login,
  PASSWORD,
  post,
  refresh,
  register,
  tokenWorks,
  uniqueEmail,
} from '../test-support/auth-client';
import { createTestApp, tempDir, type TestApp } from '../test-support/fixture';
import { runAdminCaptured } from '../test-support/run-admin';
import { NODE_A, syncBody, syncOk, change, hlc, T0 } from '../test-support/sync-client';
import { USAGE } from './cli';

const NEW_PASSWORD = 'a brand new passphrase';

const open: TestApp[] = [];
const dirs: { remove(): void }[] = [];
afterEach(() => {
  open.splice(0).forEach((t) => t.close());
  dirs.splice(0).forEach((d) => d.remove());
});

async function server(): Promise<TestApp> {
  const t = await createTestApp();
  open.push(t);
  return t;
}

function scratch(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir.path;
}

function admin(t: TestApp | string, argv: string[], stdin = '') {
  const dataDir = typeof t === 'string' ? t : t.deps.config.dataDir;
  return runAdminCaptured({ PYB_DATA_DIR: dataDir }, argv, stdin);
}

describe('admin: usage', () => {
  it('exits 2 with the usage for an unknown command, a missing argument or a stray flag', async () => {
    const t = await server();
    for (const argv of [[], ['frobnicate'], ['backup'], ['users', 'x'], ['backup', 'f', '--yes']]) {
      const result = await admin(t, argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err).toContain(USAGE);
    }
    expect((await admin(t, ['help'])).code).toBe(0);
    expect((await admin(t, ['disable', 'not-an-email'])).code).toBe(2);
  });

  it('never creates a database where there is none (a typo in PYB_DATA_DIR)', async () => {
    const dir = scratch();
    const result = await admin(dir, ['users']);
    expect(result.code).toBe(1);
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toContain('No database at');
    expect(existsSync(databasePath(dir))).toBe(false);
  });
});

describe('admin backup', () => {
  it('copies the live database while the server writes, checks it and prints what it holds', async () => {
    const t = await server();
    const user = await register(t.app);
    const pushes = Array.from({ length: 40 }, (_, i) =>
      syncOk(
        t.app,
        user.accessToken,
        syncBody(NODE_A, [change('items', `i${i}`, 'name', `n${i}`, hlc(NODE_A, T0 + i))]),
      ),
    );
    const file = join(scratch(), 'nested', 'backup.db');
    const [result] = await Promise.all([admin(t, ['backup', file]), ...pushes]);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(
      /Backed up to .*backup\.db: \d+ bytes, \d+ cells, last sync sequence \d+; integrity ok/,
    );
    const copy = new Database(file, { readonly: true });
    try {
      expect(copy.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
      const cells = Number(copy.prepare('SELECT count(*) FROM cells').pluck().get());
      const lastSeq = Number(copy.prepare('SELECT max(last_seq) FROM sync_state').pluck().get());
      // A consistent snapshot: the sequence counter matches the cells it holds.
      expect(cells).toBe(lastSeq);
      expect(result.out).toContain(`${cells} cells, last sync sequence ${lastSeq}`);
    } finally {
      copy.close();
    }
    expect(readdirSync(join(file, '..'))).toEqual(['backup.db']);
    expect(statSync(file).mode & 0o777).toBe(0o600); // it holds password hashes

    const again = await admin(t, ['backup', file]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists');
  });
});

describe('admin restore', () => {
  async function backedUp() {
    const t = await server();
    const user = await register(t.app);
    const first = await syncOk(
      t.app,
      user.accessToken,
      syncBody(NODE_A, [change('items', 'a', 'name', 'A', hlc(NODE_A, T0))]),
    );
    const file = join(scratch(), 'b.db');
    expect((await admin(t, ['backup', file])).code).toBe(0);
    return { t, user, file, cursor: first.cursor };
  }

  it('refuses while a server holds the data directory, and names what to do', async () => {
    const { t, file } = await backedUp();
    const lock = holdServerLock(t.deps.config.dataDir);
    try {
      const result = await admin(t, ['restore', file]);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/A server is running on .*: stop it first/);
    } finally {
      lock.release();
    }
  });

  it('swaps the backup in, keeps the old database aside and starts a new epoch', async () => {
    const { t, file } = await backedUp();
    const dir = t.deps.config.dataDir;
    const before = createLineageReader(t.db)();
    closeDatabase(t.db); // the server stops; its data directory stays
    const result = await admin(dir, ['restore', file]);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('kept as');
    expect(readdirSync(dir).filter((f) => f.includes('before-restore'))).toHaveLength(1);
    const db = new Database(databasePath(dir), { readonly: true });
    try {
      const lineage = createLineageReader(db)();
      expect(lineage.epoch).not.toBe(before.epoch);
      expect(lineage.restoredFrom).toBe(before.epoch);
    } finally {
      db.close();
    }
  });

  it('refuses a damaged file, a file that is no backup and a newer schema, changing nothing', async () => {
    const { t, file } = await backedUp();
    const dir = t.deps.config.dataDir;
    closeDatabase(t.db); // the server stops; its data directory stays
    const damaged = join(scratch(), 'damaged.db');
    const bytes = readFileSync(file);
    bytes.fill(0x41, 4096, 8192); // overwrite the second page
    writeFileSync(damaged, bytes);
    const text = join(scratch(), 'notes.txt');
    writeFileSync(text, 'not a database at all, just some words for the test');
    const newer = join(scratch(), 'newer.db');
    copyFileSync(file, newer);
    const db = new Database(newer);
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'future', 'x', 'now')").run();
    db.close();

    // The database's bytes and the folder's files (the lock file aside) stay as they were.
    const live = () => [
      ...readdirSync(dir).filter((f) => f !== 'server.lock'),
      createHash('sha256')
        .update(readFileSync(databasePath(dir)))
        .digest('hex'),
    ];
    const filesBefore = live();
    for (const [bad, message] of [
      [damaged, /integrity|not a PackYourBag backup|malformed/],
      [text, /not a PackYourBag backup/],
      [newer, /newer than this server/],
      [join(scratch(), 'missing.db'), /does not exist/],
    ] as const) {
      const result = await admin(dir, ['restore', bad]);
      expect(result.code, bad).toBe(1);
      expect(result.err).toMatch(message);
      expect(result.err.trim().split('\n')).toHaveLength(1);
    }
    expect(live()).toEqual(filesBefore);
  });

  it('restores a backup from an older version: migrated at once, with the lineage bare cursors need', async () => {
    const dir = scratch();
    const old = join(scratch(), 'v3.db');
    const db = openDatabase(old);
    migrate(db, readMigrations(MIGRATIONS_DIR).slice(0, 3)); // before epochs (0004)
    db.prepare(
      "INSERT INTO users (id, email, password_hash, created_at) VALUES ('u', 'old@example.com', 'h', 0)",
    ).run();
    db.prepare("INSERT INTO sync_state (user_id, last_seq, purged_seq) VALUES ('u', 5, 2)").run();
    closeDatabase(db);
    const result = await admin(dir, ['restore', old]);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('Migrated the restored database');
    const restored = new Database(databasePath(dir), { readonly: true });
    try {
      const lineage = createLineageReader(restored)();
      // Bare cursors (old devices) belong to the history the backup came from.
      expect(lineage.legacyEpoch).toBe(lineage.restoredFrom);
      expect(lineage.epoch).not.toBe(lineage.restoredFrom);
      expect(restored.prepare('SELECT purge_gen, base_purged_seq FROM sync_state').get()).toEqual({
        purge_gen: 1,
        base_purged_seq: 2,
      });
    } finally {
      restored.close();
    }
  });

  it('keeps a damaged live database aside as it is, and restores over it', async () => {
    const { t, file } = await backedUp();
    const dir = t.deps.config.dataDir;
    closeDatabase(t.db);
    writeFileSync(databasePath(dir), 'this is no longer a database, just bytes on disk');
    const result = await admin(dir, ['restore', file]);
    expect(result.code, result.err).toBe(0);
    const aside = readdirSync(dir).filter((f) => f.includes('before-restore'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0] ?? ''), 'utf8')).toContain('no longer a database');
    expect(readdirSync(dir).filter((f) => f.endsWith('.restoring'))).toEqual([]);
  });

  it('refuses a backup older than the tombstone horizon unless forced', async () => {
    const { t, file } = await backedUp();
    const dir = t.deps.config.dataDir;
    closeDatabase(t.db); // the server stops; its data directory stays
    const later = () => Date.now() + 200 * 24 * 3600 * 1000;
    const env = { PYB_DATA_DIR: dir };
    const refused = await runAdminCaptured(env, ['restore', file], '', later);
    expect(refused.code).toBe(1);
    expect(refused.out + refused.err).toContain('before the tombstone horizon');
    expect((await runAdminCaptured(env, ['restore', file, '--force'], '', later)).code).toBe(0);
  });
});

describe('admin account commands', () => {
  it('create-user reads the password from stdin; the account signs in; nothing secret is printed', async () => {
    const t = await server();
    const email = uniqueEmail('made');
    const result = await admin(t, ['create-user', email], `${NEW_PASSWORD}\n`);
    expect(result.code, result.err).toBe(0);
    expect(result.out + result.err).not.toContain(NEW_PASSWORD);
    await login(t.app, email, NEW_PASSWORD);
    expect((await admin(t, ['create-user', email], `${NEW_PASSWORD}\n`)).code).toBe(1);
    const short = await admin(t, ['create-user', uniqueEmail()], 'short\n');
    expect(short.code).toBe(1);
    expect(short.err).toContain('Password refused');
    expect((await authEvents(t)).map((e) => e.event)).toContain('admin_user_created');
  });

  it('reset-password: the old password gets 401, the new one 200, the old refresh cookie 401', async () => {
    const t = await server();
    const user = await register(t.app);
    const result = await admin(t, ['reset-password', user.user.email], `${NEW_PASSWORD}\n`);
    expect(result.code, result.err).toBe(0);
    await expectError(
      await post(t.app, '/api/auth/login', {
        body: { email: user.user.email, password: PASSWORD },
      }),
      401,
      'invalid_credentials',
    );
    await login(t.app, user.user.email, NEW_PASSWORD);
    await expectError(await refresh(t.app, user.refreshToken), 401, 'invalid_refresh');
    expect(await tokenWorks(t.app, user.accessToken)).toBe(false);
    const events = (await authEvents(t)).filter((e) => e.event === 'admin_password_reset');
    expect(events).toHaveLength(1);
    expect(events[0]?.user_id).toBe(user.user.id);
  });

  it('disable ends the sessions and refuses sign-in and refresh with account_disabled; enable undoes it', async () => {
    const t = await server();
    const user = await register(t.app);
    expect((await admin(t, ['disable', user.user.email])).code).toBe(0);
    expect(await tokenWorks(t.app, user.accessToken)).toBe(false);
    await expectError(await refresh(t.app, user.refreshToken), 403, 'account_disabled');
    const body = { email: user.user.email, password: PASSWORD };
    await expectError(await post(t.app, '/api/auth/login', { body }), 403, 'account_disabled');
    // A wrong password still says only that: the state is told to the password holder.
    await expectError(
      await post(t.app, '/api/auth/login', { body: { ...body, password: 'wrong password' } }),
      401,
      'invalid_credentials',
    );
    const listed = await admin(t, ['users']);
    expect(listed.out).toMatch(new RegExp(`${user.user.email}.*since`));
    expect((await admin(t, ['enable', user.user.email])).code).toBe(0);
    await login(t.app, user.user.email);
  });

  it('revoke-sessions signs the user out everywhere; users lists sessions and cells', async () => {
    const t = await server();
    const user = await register(t.app);
    await syncOk(
      t.app,
      user.accessToken,
      syncBody(NODE_A, [change('items', 'x', 'name', 'X', hlc(NODE_A, T0))]),
    );
    const listed = await admin(t, ['users']);
    expect(listed.err).toBe('');
    expect(listed.out).toMatch(new RegExp(`${user.user.email}\\s+\\S+\\s+\\S+\\s+1\\s+1\\s+no`));
    expect((await admin(t, ['revoke-sessions', user.user.email])).code).toBe(0);
    expect(await tokenWorks(t.app, user.accessToken)).toBe(false);
    expect((await admin(t, ['revoke-sessions', 'nobody@example.com'])).code).toBe(1);
  });

  it('delete-user needs --yes, then erases the account and its data', async () => {
    const t = await server();
    const user = await register(t.app);
    await syncOk(
      t.app,
      user.accessToken,
      syncBody(NODE_A, [change('items', 'x', 'deleted', true, hlc(NODE_A, T0))]),
    );
    expect((await admin(t, ['delete-user', user.user.email])).code).toBe(2);
    expect((await admin(t, ['delete-user', user.user.email, '--yes'])).code).toBe(0);
    const db = t.db;
    for (const table of ['users', 'sessions', 'cells', 'tombstones', 'sync_state']) {
      const column = table === 'users' ? 'id' : 'user_id';
      const count = db.prepare(`SELECT count(*) FROM ${table} WHERE ${column} = ?`).pluck();
      expect(count.get(user.user.id), table).toBe(0);
    }
    expect((await authEvents(t)).filter((e) => e.user_id === user.user.id)).toEqual([]);
  });
});

describe('admin check', () => {
  it('passes on a fresh data directory and names a file others can read', async () => {
    const t = await server();
    const fine = await admin(t, ['check']);
    expect(fine.code, fine.out + fine.err).toBe(0);
    expect(fine.out).toContain('integrity ok');
    expect(fine.out).toContain('schema: up to date');
    chmodSync(databasePath(t.deps.config.dataDir), 0o644);
    const bad = await admin(t, ['check']);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/PROBLEM .*readable by others \(mode 644\)/);
  });
});
