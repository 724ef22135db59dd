// The users table on the real engine: sign-up races decided by the unique email,
// password and account changes that end sessions in the same transaction, the
// erasure, and the admin summary.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { UserRow } from '../../auth/users';
import { REFRESH_ABSOLUTE_MS, REFRESH_IDLE_MS } from '../../auth/sessions';
import { postgresPerTest } from '../../test-support/postgres-instances';
import type { Sql } from './connect';
import { createPostgresAudit } from './audit';
import { createPostgresLockout } from './lockout';
import { createPostgresSessions } from './sessions';
import { createPostgresUsers } from './users';

const pg = postgresPerTest();
const T0 = 1_700_000_000_000;

const user = (id: string, email = `${id}@example.com`): UserRow => ({
  id,
  email,
  password_hash: `hash-${id}`,
  created_at: T0,
});

async function withSessions(sql: Sql, userId: string, ids: string[]) {
  const sessions = createPostgresSessions(sql);
  for (const id of ids) {
    await sessions.create({ id, userId, now: T0, tokenHash: randomBytes(32) });
  }
  return sessions;
}

async function lockedOut(sql: Sql, userId: string) {
  const lockout = createPostgresLockout(sql);
  for (let i = 0; i < 5; i += 1) await lockout.recordFailure(userId, T0);
  return lockout;
}

describe('PostgreSQL users', () => {
  it('inserts a user once per email and reads it back by email and id', async () => {
    const users = createPostgresUsers(await pg.instance());
    expect(await users.insertNew(user('u1'))).toBe(true);
    expect(await users.insertNew(user('u2', 'u1@example.com'))).toBe(false);
    const stored = { ...user('u1'), disabled_at: null, last_login_at: null };
    expect(await users.byEmail('u1@example.com')).toEqual(stored);
    expect(await users.byId('u1')).toEqual(stored);
    expect(await users.byId('u2')).toBeUndefined();
    expect(await users.byEmail('nobody@example.com')).toBeUndefined();
  });

  it('lets exactly one of two instances signing up the same email at once succeed', async () => {
    const [first, second] = await pg.two(createPostgresUsers);
    for (let round = 0; round < 10; round += 1) {
      const email = `race${round}@example.com`;
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 ? second : first).insertNew(user(`u${round}-${i}`, email)),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    }
  });

  it('sets the hash, the last login and the disabled time', async () => {
    const users = createPostgresUsers(await pg.instance());
    await users.insertNew(user('u1'));
    await users.setPasswordHash('u1', 'new-hash');
    await users.touchLogin('u1', T0 + 5);
    await users.setDisabled('u1', T0 + 6);
    expect(await users.byId('u1')).toMatchObject({
      password_hash: 'new-hash',
      last_login_at: T0 + 5,
      disabled_at: T0 + 6,
    });
    await users.setDisabled('u1', null);
    expect((await users.byId('u1'))?.disabled_at).toBeNull();
  });

  it('replaces a password ending every session, lifting a lockout only when asked', async () => {
    const sql = await pg.instance();
    const users = createPostgresUsers(sql);
    await users.insertNew(user('u1'));
    await users.insertNew(user('u2'));
    const sessions = await withSessions(sql, 'u1', ['s1', 's2']);
    await withSessions(sql, 'u2', ['other']);
    const lockout = await lockedOut(sql, 'u1');

    await users.replacePassword('u1', 'h2', T0 + 10);
    expect((await users.byId('u1'))?.password_hash).toBe('h2');
    expect((await sessions.session('s1'))?.revoked_at).toBe(T0 + 10);
    expect((await sessions.session('s2'))?.revoked_at).toBe(T0 + 10);
    expect((await sessions.session('other'))?.revoked_at).toBeNull();
    expect(await lockout.isLocked('u1', T0 + 10)).toBe(true);

    await users.replacePassword('u1', 'h3', T0 + 20, { clearLockout: true });
    expect((await users.byId('u1'))?.password_hash).toBe('h3');
    expect((await sessions.session('s1'))?.revoked_at).toBe(T0 + 10);
    expect(await lockout.isLocked('u1', T0 + 20)).toBe(false);
  });

  it('disables an account ending its sessions', async () => {
    const sql = await pg.instance();
    const users = createPostgresUsers(sql);
    await users.insertNew(user('u1'));
    const sessions = await withSessions(sql, 'u1', ['s1']);
    await users.disableEndingSessions('u1', T0 + 3);
    expect((await users.byId('u1'))?.disabled_at).toBe(T0 + 3);
    expect(await sessions.isLive('s1', 'u1', T0 + 4)).toBe(false);
  });

  it('erases a user’s data, keeping the audit log unlinked and other users untouched', async () => {
    const sql = await pg.instance();
    const users = createPostgresUsers(sql);
    const audit = createPostgresAudit(sql);
    for (const id of ['u1', 'u2']) {
      await users.insertNew(user(id));
      await withSessions(sql, id, [`s-${id}`]);
      await lockedOut(sql, id);
      await sql`INSERT INTO cells (user_id, tbl, row_id, field, value, hlc, seq)
        VALUES (${id}, 'items', 'r1', 'name', '"x"', 'h1', 1)`;
      await sql`INSERT INTO tombstones (user_id, tbl, row_id, hlc) VALUES (${id}, 'items', 'r2', 'h2')`;
      await sql`INSERT INTO sync_state (user_id, last_seq) VALUES (${id}, 1)`;
      await audit.record({ event: 'login_ok', at: T0, userId: id, ip: '', userAgent: undefined });
    }
    await users.erase('u1');

    const count = async (table: string, userColumn = 'user_id') => {
      const rows = await sql.unsafe<{ user_id: string | null }[]>(
        `SELECT ${userColumn} AS user_id FROM ${table} ORDER BY 1`,
      );
      return rows.map((row) => row.user_id);
    };
    expect(await count('users', 'id')).toEqual(['u2']);
    for (const table of ['sessions', 'login_failures', 'cells', 'tombstones', 'sync_state']) {
      expect(await count(table)).toEqual(['u2']);
    }
    const tokens = await sql`SELECT session_id FROM refresh_tokens`;
    expect(tokens.map((row) => row['session_id'])).toEqual(['s-u2']);
    expect(await count('auth_events')).toEqual(['u2', null]);
  });

  it('summarizes every account by email with its live sessions and cells', async () => {
    const sql = await pg.instance();
    const users = createPostgresUsers(sql);
    await users.insertNew(user('u1', 'zed@example.com'));
    await users.insertNew(user('u2', 'amy@example.com'));
    await users.touchLogin('u1', T0 + 7);
    await users.setDisabled('u2', T0 + 8);
    const sessions = await withSessions(sql, 'u1', ['live', 'revoked']);
    await sessions.revoke('revoked', T0 + 1);
    for (const seq of [1, 2, 3]) {
      await sql`INSERT INTO cells (user_id, tbl, row_id, field, value, hlc, seq)
        VALUES ('u1', 'items', ${`r${seq}`}, 'name', '"x"', 'h', ${seq})`;
    }
    const now = T0 + 100;
    expect(await users.summaries(now, now - REFRESH_IDLE_MS)).toEqual([
      {
        email: 'amy@example.com',
        createdAt: T0,
        lastLoginAt: null,
        liveSessions: 0,
        cells: 0,
        disabledAt: T0 + 8,
      },
      {
        email: 'zed@example.com',
        createdAt: T0,
        lastLoginAt: T0 + 7,
        liveSessions: 1,
        cells: 3,
        disabledAt: null,
      },
    ]);
    // Past the session's life, or idle since before the cut-off, it no longer counts.
    const [, later] = await users.summaries(T0 + REFRESH_ABSOLUTE_MS, 0);
    expect(later?.liveSessions).toBe(0);
    const [, idle] = await users.summaries(now, T0);
    expect(idle?.liveSessions).toBe(0);
  });
});
