// Temporary account lockout (OWASP: an observation window and a timed lock, not
// a permanent one that would let anyone lock a victim out for good). Five failed
// logins within 15 minutes lock the account for 15 minutes; while locked, login
// answers the same generic 401 without checking the password.
import type { Db } from '../db/open';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

interface FailureRow {
  window_start: number;
  failures: number;
  locked_until: number | null;
}

export function createLockout(db: Db) {
  const get = db.prepare<[string], FailureRow>(
    'SELECT window_start, failures, locked_until FROM login_failures WHERE user_id = ?',
  );
  const put = db.prepare<[string, number, number, number | null]>(
    `INSERT INTO login_failures (user_id, window_start, failures, locked_until) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET window_start = excluded.window_start,
       failures = excluded.failures, locked_until = excluded.locked_until`,
  );
  const clear = db.prepare<[string]>('DELETE FROM login_failures WHERE user_id = ?');
  return {
    isLocked(userId: string, now: number): boolean {
      const row = get.get(userId);
      return row?.locked_until != null && row.locked_until > now;
    },
    recordFailure(userId: string, now: number): void {
      const row = get.get(userId);
      const fresh = !row || now - row.window_start >= FAILURE_WINDOW_MS;
      const windowStart = fresh ? now : row.window_start;
      const failures = fresh ? 1 : row.failures + 1;
      put.run(userId, windowStart, failures, failures >= MAX_FAILURES ? now + LOCK_MS : null);
    },
    clear: (userId: string) => void clear.run(userId),
  };
}

export type Lockout = ReturnType<typeof createLockout>;
