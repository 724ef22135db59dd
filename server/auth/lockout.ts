// Temporary account lockout (OWASP: an observation window and a timed lock, not
// a permanent one that would let anyone lock a victim out for good). Five wrong
// passwords within any 15 minutes (at login, or when changing the password or
// deleting the account with a stolen token) lock the account for 15 minutes;
// while locked, those answer the same generic 401 without checking the password.

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

/** A user's stored failures: `recent` is the JSON array of their times (ms). */
export interface FailureRow {
  recent: string;
  locked_until: number | null;
}

/** Is the account locked at `now`, by its stored row? */
export const lockedAt = (row: FailureRow | undefined, now: number): boolean =>
  row?.locked_until != null && row.locked_until > now;

/**
 * The row to store after a failure at `now`: a sliding window, the failures of the
 * last 15 minutes whenever they started. `lockedNow` is true when this failure is the
 * one that locked the account. Both engines count with it (storage/postgres/lockout.ts).
 */
export function afterFailure(
  row: FailureRow | undefined,
  now: number,
): FailureRow & { lockedNow: boolean } {
  const earlier = row ? (JSON.parse(row.recent) as number[]) : [];
  const recent = [...earlier.filter((t) => now - t < FAILURE_WINDOW_MS), now].slice(-MAX_FAILURES);
  const locked = recent.length >= MAX_FAILURES ? now + LOCK_MS : null;
  return {
    recent: JSON.stringify(recent),
    locked_until: locked,
    lockedNow: locked !== null && !lockedAt(row, now),
  };
}
