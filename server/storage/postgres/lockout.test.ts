// The login lockout on the real engine: auth/lockout.ts's sliding window, and failures
// arriving at two instances at once all counting, the account locked exactly once.
import { describe, expect, it } from 'vitest';
import { FAILURE_WINDOW_MS, LOCK_MS, MAX_FAILURES } from '../../auth/lockout';
import { insertTestUser, postgresPerTest } from '../../test-support/postgres-instances';
import { createPostgresLockout } from './lockout';

const pg = postgresPerTest();
const T0 = 1_700_000_000_000;

describe('PostgreSQL lockout', () => {
  it('locks on the fifth failure within the window, for the lock period', async () => {
    const sql = await pg.instance();
    await insertTestUser(sql, 'u1');
    const lockout = createPostgresLockout(sql);
    for (let i = 0; i < MAX_FAILURES - 1; i += 1) {
      expect(await lockout.recordFailure('u1', T0 + i)).toBe(false);
    }
    expect(await lockout.isLocked('u1', T0 + 10)).toBe(false);
    const last = T0 + MAX_FAILURES;
    expect(await lockout.recordFailure('u1', last)).toBe(true);
    expect(await lockout.isLocked('u1', last)).toBe(true);
    expect(await lockout.isLocked('u1', last + LOCK_MS - 1)).toBe(true);
    expect(await lockout.isLocked('u1', last + LOCK_MS)).toBe(false);
    // A failure while locked keeps it locked but is not the one that locked it.
    expect(await lockout.recordFailure('u1', last + 1)).toBe(false);
    await lockout.clear('u1');
    expect(await lockout.isLocked('u1', last + 2)).toBe(false);
    expect(await lockout.isLocked('nobody', last)).toBe(false);
  });

  it('forgets failures older than the window (a sliding window)', async () => {
    const sql = await pg.instance();
    await insertTestUser(sql, 'u1');
    const lockout = createPostgresLockout(sql);
    for (let i = 0; i < MAX_FAILURES - 1; i += 1) await lockout.recordFailure('u1', T0 + i);
    // The first four have left the window when the fifth arrives…
    expect(await lockout.recordFailure('u1', T0 + FAILURE_WINDOW_MS + 3)).toBe(false);
    // …but three of them are still inside it for one arriving just before.
    const sql2 = await pg.instance();
    await insertTestUser(sql2, 'u2');
    for (let i = 0; i < MAX_FAILURES - 1; i += 1) await lockout.recordFailure('u2', T0 + i);
    expect(await lockout.recordFailure('u2', T0 + FAILURE_WINDOW_MS - 1)).toBe(true);
  });

  it('counts concurrent failures at two instances and locks exactly once', async () => {
    const [a, b] = await pg.two((sql) => sql);
    const [first, second] = [createPostgresLockout(a), createPostgresLockout(b)];
    for (let round = 0; round < 10; round += 1) {
      const user = `u${round}`;
      await insertTestUser(a, user);
      const locks = await Promise.all(
        Array.from({ length: MAX_FAILURES }, (_, i) =>
          (i % 2 ? first : second).recordFailure(user, T0 + 1000),
        ),
      );
      expect(locks.filter(Boolean)).toHaveLength(1);
      expect(await first.isLocked(user, T0 + 1001)).toBe(true);
      const [row] = await b<{ recent: string }[]>`
        SELECT recent FROM login_failures WHERE user_id = ${user}`;
      expect(JSON.parse(row?.recent ?? '[]')).toHaveLength(MAX_FAILURES);
    }
  });
});
