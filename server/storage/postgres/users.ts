// The users table on PostgreSQL (storage.ts UserStorage), with the rules of
// auth/users.ts and auth/accounts.ts: the unique email index decides sign-up races,
// and an erasure removes the person's data in one transaction.
import type { UserRow } from '../../auth/users';
import type { UserStorage, UserSummary } from '../storage';
import type { Sql } from './connect';
import type { Query } from './query';

/** Ends every live session of the user (inside the caller's transaction). */
export const revokeSessionsOf = (sql: Query, userId: string, now: number) =>
  sql`UPDATE sessions SET revoked_at = ${now} WHERE user_id = ${userId} AND revoked_at IS NULL`;

export function createPostgresUsers(sql: Sql): UserStorage {
  const one = async (rows: Promise<UserRow[]>) => (await rows)[0];
  return {
    async insertNew(user) {
      // No conflict target: a taken email (or, never in practice, id) inserts nothing,
      // also when another instance inserted it a moment ago.
      const rows = await sql`
        INSERT INTO users (id, email, password_hash, created_at)
        VALUES (${user.id}, ${user.email}, ${user.password_hash}, ${user.created_at})
        ON CONFLICT DO NOTHING RETURNING id`;
      return rows.length === 1;
    },
    byEmail: (email) => one(sql<UserRow[]>`SELECT * FROM users WHERE email = ${email}`),
    byId: (id) => one(sql<UserRow[]>`SELECT * FROM users WHERE id = ${id}`),
    async setPasswordHash(id, hash) {
      await sql`UPDATE users SET password_hash = ${hash} WHERE id = ${id}`;
    },
    async touchLogin(id, at) {
      await sql`UPDATE users SET last_login_at = ${at} WHERE id = ${id}`;
    },
    async setDisabled(id, at) {
      await sql`UPDATE users SET disabled_at = ${at} WHERE id = ${id}`;
    },
    async replacePassword(id, hash, now, options = {}) {
      await sql.begin(async (tx) => {
        await tx`UPDATE users SET password_hash = ${hash} WHERE id = ${id}`;
        await revokeSessionsOf(tx, id, now);
        if (options.clearLockout) await tx`DELETE FROM login_failures WHERE user_id = ${id}`;
      });
    },
    async disableEndingSessions(id, now) {
      await sql.begin(async (tx) => {
        await tx`UPDATE users SET disabled_at = ${now} WHERE id = ${id}`;
        await revokeSessionsOf(tx, id, now);
      });
    },
    async erase(id) {
      await sql.begin(async (tx) => {
        // The user's row first: a push in flight holds a key-share lock on it (its
        // sync_state row references the user, even one the push is creating), so the
        // erasure waits for that push to commit and then deletes its cells too; a push
        // after it fails its reference check. Then the sync state, as a push locks it.
        await tx`SELECT 1 FROM users WHERE id = ${id} FOR UPDATE`;
        await tx`SELECT 1 FROM sync_state WHERE user_id = ${id} FOR UPDATE`;
        await tx`DELETE FROM cells WHERE user_id = ${id}`;
        await tx`DELETE FROM tombstones WHERE user_id = ${id}`;
        // Cascades to sessions, refresh tokens, the lockout counter and sync state.
        await tx`DELETE FROM users WHERE id = ${id}`;
        await tx`UPDATE auth_events SET user_id = NULL WHERE user_id = ${id}`;
      });
    },
    summaries: (now, idleSince) =>
      sql<UserSummary[]>`
      SELECT u.email, u.created_at AS "createdAt", u.last_login_at AS "lastLoginAt",
        (SELECT count(*) FROM sessions s WHERE s.user_id = u.id AND s.revoked_at IS NULL
           AND s.expires_at > ${now} AND s.last_refresh_at > ${idleSince}) AS "liveSessions",
        (SELECT count(*) FROM cells c WHERE c.user_id = u.id) AS cells,
        u.disabled_at AS "disabledAt"
      FROM users u ORDER BY u.email`.then((rows) => [...rows]),
  };
}
