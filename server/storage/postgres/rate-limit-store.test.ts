// The shared rate-limit counters on the real engine: fixed windows per key, separate
// rows per limit, every concurrent hit at every instance counted, and a limit that
// holds across two instances of an app.
import { Hono } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { describe, expect, it } from 'vitest';
import { postgresPerTest } from '../../test-support/postgres-instances';
import type { Sql } from './connect';
import { PostgresRateLimitStore, purgeEndedRateLimits } from './rate-limit-store';

const pg = postgresPerTest();
const WINDOW = 60_000;
const T0 = 1_700_000_000_000;

function store(sql: Sql, name: string, clock: { now: number }, purgeEvery?: number) {
  const counters = new PostgresRateLimitStore(sql, {
    name,
    now: () => clock.now,
    ...(purgeEvery ? { purgeEvery } : {}),
  });
  counters.init({ windowMs: WINDOW });
  return counters;
}

describe('PostgreSQL rate-limit store', () => {
  it('counts hits in a fixed window and starts a new one when it ends', async () => {
    const clock = { now: T0 };
    const counters = store(await pg.instance(), 'login', clock);
    expect(counters.localKeys).toBe(false);
    expect(await counters.get('1.2.3.4')).toBeUndefined();
    expect(await counters.increment('1.2.3.4')).toEqual({
      totalHits: 1,
      resetTime: new Date(T0 + WINDOW),
    });
    clock.now = T0 + WINDOW - 1;
    expect(await counters.increment('1.2.3.4')).toEqual({
      totalHits: 2,
      resetTime: new Date(T0 + WINDOW),
    });
    expect((await counters.get('1.2.3.4'))?.totalHits).toBe(2);
    await counters.decrement('1.2.3.4');
    expect((await counters.get('1.2.3.4'))?.totalHits).toBe(1);
    clock.now = T0 + WINDOW;
    expect(await counters.get('1.2.3.4')).toBeUndefined();
    expect(await counters.increment('1.2.3.4')).toEqual({
      totalHits: 1,
      resetTime: new Date(T0 + 2 * WINDOW),
    });
    await counters.resetKey('1.2.3.4');
    expect(await counters.get('1.2.3.4')).toBeUndefined();
  });

  it('keeps each limit’s counters apart, also for the same client key', async () => {
    const sql = await pg.instance();
    const clock = { now: T0 };
    const [login, sync, likeLogin] = [
      store(sql, 'login', clock),
      store(sql, 'sync', clock),
      store(sql, 'log%', clock),
    ];
    await login.increment('k');
    await login.increment('k');
    expect((await sync.increment('k')).totalHits).toBe(1);
    expect((await likeLogin.increment('k')).totalHits).toBe(1);
    await likeLogin.resetAll();
    expect((await login.get('k'))?.totalHits).toBe(2);
    expect(await likeLogin.get('k')).toBeUndefined();
    await login.resetAll();
    expect((await sync.get('k'))?.totalHits).toBe(1);
  });

  it('counts every hit arriving at two instances at once', async () => {
    const clock = { now: T0 };
    const [first, second] = await pg.two((sql) => store(sql, 'sync', clock), 8);
    const hits = 60;
    const answers = await Promise.all(
      Array.from({ length: hits }, (_, i) => (i % 2 ? second : first).increment('u1')),
    );
    const totals = answers.map((answer) => answer.totalHits).sort((a, b) => a - b);
    expect(totals).toEqual(Array.from({ length: hits }, (_, i) => i + 1));
    expect(new Set(answers.map((answer) => answer.resetTime?.getTime()))).toEqual(
      new Set([T0 + WINDOW]),
    );
  });

  it('drops ended windows, on request and now and then while counting', async () => {
    const sql = await pg.instance();
    const clock = { now: T0 };
    const counters = store(sql, 'login', clock, 3);
    await counters.increment('old-1');
    await counters.increment('old-2');
    clock.now = T0 + WINDOW;
    const keys = async () =>
      (await sql`SELECT key FROM rate_limits ORDER BY key`).map((row) => row['key']);
    await counters.increment('new'); // the third hit purges
    const [kept] = await keys();
    // Stored hashed: the counted identity (a user id, an IP) is not kept in the database.
    expect(kept).toMatch(/^login:[A-Za-z0-9_-]{43}$/);
    expect(kept).not.toContain('new');
    expect(await keys()).toHaveLength(1);
    clock.now = T0 + 2 * WINDOW;
    expect(await purgeEndedRateLimits(sql, clock.now)).toBe(1);
    expect(await keys()).toEqual([]);
  });

  it('holds one limit across two app instances sharing the database', async () => {
    const [appA, appB] = await pg.two((sql) => {
      const app = new Hono();
      app.use(
        rateLimiter({
          windowMs: WINDOW,
          limit: 5,
          keyGenerator: () => 'client',
          store: new PostgresRateLimitStore(sql, { name: 'api' }),
        }),
      );
      app.get('/', (c) => c.text('ok'));
      return app;
    });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) statuses.push((await (i % 2 ? appB : appA).request('/')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
  });
});
