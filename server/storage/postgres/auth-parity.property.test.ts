// Both engines follow the same auth rules: random histories of refreshes (with old,
// current and unknown tokens, at gaps around the grace window and the idle limit) and
// of wrong passwords give the same answers from SQLite (auth/refresh-rotation.ts,
// auth/lockout.ts) and from PostgreSQL (storage/postgres/), step by step.
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { FAILURE_WINDOW_MS, LOCK_MS } from '../../auth/lockout';
import { hashRefreshToken, newRefreshToken } from '../../auth/refresh-token';
import { REFRESH_GRACE_MS, REFRESH_IDLE_MS } from '../../auth/sessions';
import { closeDatabase, openDatabase, type Db } from '../../db/open';
import { migrate, readMigrations } from '../../db/migrate';
import { MIGRATIONS_DIR } from '../../paths';
import { PROPERTY_SEED } from '../../../shared/test-support/property';
import { insertTestUser, postgresPerTest } from '../../test-support/postgres-instances';
import type { Sql } from './connect';
import { createPostgresLockout } from './lockout';
import { createPostgresSessions } from './sessions';
import { createLockout } from '../sqlite/lockout-store';
import { rotateRefreshToken } from '../sqlite/refresh-rotation';
import { createSessionStore } from '../sqlite/session-store';

const pg = postgresPerTest();
const T0 = 1_700_000_000_000;
const secret = randomBytes(32);
const RUNS = 40;

let sqlite: Db | undefined;
afterEach(() => sqlite && closeDatabase(sqlite));

/** A user of the same id in a fresh SQLite database and in the PostgreSQL one. */
async function userInBoth(sql: Sql): Promise<{ db: Db; userId: string }> {
  const db = openDatabase(':memory:');
  migrate(db, readMigrations(MIGRATIONS_DIR));
  sqlite = db;
  runs += 1;
  const userId = `u${runs}`;
  db.prepare('INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)').run(
    userId,
    `${userId}@example.com`,
    'hash',
    1000,
  );
  await insertTestUser(sql, userId);
  return { db, userId };
}

const gap = (...edges: number[]) => fc.constantFrom(0, 1, 2_000, ...edges);
let runs = 0;

describe('SQLite and PostgreSQL follow the same auth rules', () => {
  it('refreshes', async () => {
    const sql = await pg.instance();
    const step = fc.record({
      pick: fc.nat(),
      unknown: fc.boolean(),
      wait: gap(REFRESH_GRACE_MS - 1, REFRESH_GRACE_MS, REFRESH_GRACE_MS + 1, REFRESH_IDLE_MS),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const { db, userId } = await userInBoth(sql);
        const sessionId = `s-${userId}`;
        const first = newRefreshToken();
        const lite = createSessionStore(db);
        const postgres = createPostgresSessions(sql);
        const created = { id: sessionId, userId, now: T0, tokenHash: hashRefreshToken(first) };
        lite.create(created);
        await postgres.create(created);

        const issued = [first];
        let now = T0;
        for (const { pick, unknown, wait } of steps) {
          now += wait;
          const token = unknown ? newRefreshToken() : issued[pick % issued.length];
          const expected = rotateRefreshToken({ db, sessions: lite, secret, now }, token);
          expect(await postgres.rotate(token, secret, now)).toEqual(expected);
          if (expected.kind === 'rotated' && !issued.includes(expected.token)) {
            issued.push(expected.token);
          }
        }
        expect(await postgres.session(sessionId)).toEqual(lite.session(sessionId));
        closeDatabase(db);
      }),
      { seed: PROPERTY_SEED, numRuns: RUNS },
    );
  });

  it('wrong passwords', async () => {
    const sql = await pg.instance();
    const wait = gap(60_000, FAILURE_WINDOW_MS - 1, FAILURE_WINDOW_MS, LOCK_MS + 1);
    await fc.assert(
      fc.asyncProperty(fc.array(wait, { minLength: 1, maxLength: 14 }), async (waits) => {
        const { db, userId } = await userInBoth(sql);
        const lite = createLockout(db);
        const postgres = createPostgresLockout(sql);
        let now = T0;
        for (const waited of waits) {
          now += waited;
          expect(await postgres.isLocked(userId, now)).toBe(lite.isLocked(userId, now));
          expect(await postgres.recordFailure(userId, now)).toBe(lite.recordFailure(userId, now));
        }
        closeDatabase(db);
      }),
      { seed: PROPERTY_SEED, numRuns: RUNS },
    );
  });
});
