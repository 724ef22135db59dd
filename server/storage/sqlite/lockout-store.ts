// The login_failures table on SQLite (auth/lockout.ts has the window rules).
import { afterFailure, lockedAt, type FailureRow } from '../../auth/lockout';
import type { Db } from '../../db/open';

export function createLockout(db: Db) {
  const get = db.prepare<[string], FailureRow>(
    'SELECT recent, locked_until FROM login_failures WHERE user_id = ?',
  );
  const put = db.prepare<[string, string, number | null]>(
    `INSERT INTO login_failures (user_id, recent, locked_until) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET recent = excluded.recent,
       locked_until = excluded.locked_until`,
  );
  const clear = db.prepare<[string]>('DELETE FROM login_failures WHERE user_id = ?');
  return {
    isLocked: (userId: string, now: number): boolean => lockedAt(get.get(userId), now),
    /** Counts a failure (afterFailure); true when it is the one that locked the account. */
    recordFailure(userId: string, now: number): boolean {
      const next = afterFailure(get.get(userId), now);
      put.run(userId, next.recent, next.locked_until);
      return next.lockedNow;
    },
    clear: (userId: string) => void clear.run(userId),
  };
}

export type Lockout = ReturnType<typeof createLockout>;
