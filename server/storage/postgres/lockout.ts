// The login lockout on PostgreSQL (storage.ts LockoutStorage), with the sliding
// window of auth/lockout.ts. Failures may reach several instances at once, so a
// failure is counted in one transaction holding the user's row lock: the counts
// add up, and exactly one of them is the failure that locks the account.
import { afterFailure, lockedAt, type FailureRow } from '../../auth/lockout';
import type { LockoutStorage } from '../storage';
import type { Sql } from './connect';

export function createPostgresLockout(sql: Sql): LockoutStorage {
  return {
    async isLocked(userId, now) {
      const rows = await sql<FailureRow[]>`
        SELECT recent, locked_until FROM login_failures WHERE user_id = ${userId}`;
      return lockedAt(rows[0], now);
    },
    async recordFailure(userId, now) {
      return sql.begin(async (tx) => {
        // An empty row first, so there is always a row to lock (a first failure
        // arriving at two instances at once would otherwise find none to wait on).
        await tx`INSERT INTO login_failures (user_id, recent) VALUES (${userId}, '[]')
          ON CONFLICT (user_id) DO NOTHING`;
        const [row] = await tx<FailureRow[]>`
          SELECT recent, locked_until FROM login_failures WHERE user_id = ${userId} FOR UPDATE`;
        const next = afterFailure(row, now);
        await tx`UPDATE login_failures SET recent = ${next.recent}, locked_until = ${next.locked_until}
          WHERE user_id = ${userId}`;
        return next.lockedNow;
      });
    },
    async clear(userId) {
      await sql`DELETE FROM login_failures WHERE user_id = ${userId}`;
    },
  };
}
