// Two real server processes on one PostgreSQL database (issue 16) must behave as one
// server: requests alternate between them, or hit both at the same moment, and every
// rule of docs/api.md still holds: tokens, refresh rotation and its grace window,
// lockout, rate limits, sync numbering, the once-per-round purge job.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncChange } from '../../shared/protocol';
import { PACKAGE_ROOT } from '../paths';
import { connectPostgres } from '../storage/postgres/connect';
import {
  expectError,
  expectSession,
  freshIp,
  login,
  post,
  refresh,
  register,
  send,
  tokenWorks,
  uniqueEmail,
  type App,
  type Session,
} from '../test-support/auth-client';
import { freshPostgresDatabase, type TestDatabase } from '../test-support/postgres';
import { remoteApp } from '../test-support/remote-app';
import { spawnServer, type RunningServer } from '../test-support/spawn-server';
import {
  cellKey,
  change,
  hlc,
  NODE_A,
  NODE_B,
  NODE_C,
  asObject,
  latestCells,
  seqOf,
  serverState,
  syncBody,
  syncOk,
} from '../test-support/sync-client';
import { tempDir } from '../test-support/temp-dir';

// As server/main.test.ts: `node --import tsx` keeps each server a single process.
const NODE = process.execPath;
const MAIN_ARGS = ['--import', 'tsx', join(PACKAGE_ROOT, 'server', 'main.ts')];
/** The address both instances stand behind, as a balancer's would be: the token issuer. */
const PUBLIC_URL = 'http://localhost:8080';
/** docs/api.md "Refresh rotation": a rotated token is a racing tab's for 10 s, then reuse. */
const REFRESH_GRACE_MS = 10_000;
const METRICS_TOKEN = 'metrics-token-for-two-instances';

interface Pair {
  /** Each instance alone, and both in turn (A, B, A, …). */
  a: App;
  b: App;
  both: App;
  servers: RunningServer[];
  db: TestDatabase;
}

/**
 * Starts two instances at the same moment (as replicas of one deployment do) on one fresh
 * database, each with its own data folder, and stops them and drops the database after
 * the describe block.
 */
function serverPair(env: Record<string, string>): () => Pair {
  let pair: Pair | undefined;
  const cleanups: (() => unknown)[] = [];
  beforeAll(async () => {
    const db = await freshPostgresDatabase();
    cleanups.push(() => db.drop());
    const starting = ['a', 'b'].map(async () => {
      const dir = tempDir('pyb-multi-');
      cleanups.push(dir.remove);
      const server = await spawnServer({
        command: NODE,
        args: MAIN_ARGS,
        dataDir: dir.path,
        cwd: PACKAGE_ROOT,
        env: { PYB_DATABASE_URL: db.url, PYB_PUBLIC_URL: PUBLIC_URL, LOG_LEVEL: 'debug', ...env },
      });
      // Before the database is dropped (cleanups run in reverse).
      cleanups.push(() => server.stop());
      return server;
    });
    // Settled first: a server that did start has its stop queued before any failure throws.
    const started = await Promise.allSettled(starting);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const servers = started.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    const [a = '', b = ''] = servers.map((s) => s.url);
    pair = { a: remoteApp(a), b: remoteApp(b), both: remoteApp(a, b), servers, db };
  }, 40_000);
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return () => {
    if (!pair) throw new Error('the servers are not started yet');
    return pair;
  };
}

const jwks = async (app: App) => {
  const res = await send(app, 'GET', '/.well-known/jwks.json');
  expect(res.status).toBe(200);
  return (await res.json()) as { keys: { kid: string }[] };
};

/** A refresh that must answer 200; returns the new token. */
async function refreshed(app: App, token: string): Promise<string> {
  return (await expectSession(await refresh(app, token), 200)).refreshToken;
}

/** The sequence numbers of a user's stored cells, in order, read from the database. */
async function cellSeqs(db: TestDatabase, userId: string): Promise<number[]> {
  const sql = connectPostgres(db.url, { max: 1 });
  try {
    const rows = await sql<{ seq: number }[]>`
      SELECT seq FROM cells WHERE user_id = ${userId} ORDER BY seq`;
    return rows.map((row) => row.seq);
  } finally {
    await sql.end();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('two instances on one database, behind a proxy, keys encrypted', () => {
  const pair = serverPair({
    PYB_KEY_SECRET: 'one secret for every instance',
    PYB_TRUST_PROXY: 'true',
    PYB_METRICS_TOKEN: METRICS_TOKEN,
  });

  // A family rotated at start-up, presented again at the end once its grace has passed:
  // the other tests run while the 10 s go by.
  let stale: { session: Session; first: string; rotatedAt: number } | undefined;
  beforeAll(async () => {
    const { a, b } = pair();
    const session = await register(a);
    const rotatedAt = Date.now();
    await refreshed(b, session.refreshToken);
    stale = { session, first: session.refreshToken, rotatedAt };
  });

  it('runs the purge job in one instance only, and says so in the log', async () => {
    // Both started at once and ran a maintenance round at start-up: one claimed it.
    const rounds = () =>
      pair().servers.flatMap((s) =>
        s
          .output()
          .split('\n')
          .filter((line) => line.includes('"msg":"maintenance"'))
          .map((line) => (JSON.parse(line) as { purges: string }).purges),
      );
    // The round starts with the server; its line may follow the "running at" line.
    for (let waited = 0; rounds().length < 2 && waited < 5000; waited += 50) await sleep(50);
    expect(rounds().sort()).toEqual(['ran', 'skipped']);
  });

  it('signs in on one and is recognised on the other; one key set; refresh anywhere', async () => {
    const { a, b } = pair();
    const user = await register(a);
    const onB = await login(b, user.user.email);
    expect(await tokenWorks(b, user.accessToken)).toBe(true);
    expect(await tokenWorks(a, onB.accessToken)).toBe(true);
    const [keysA, keysB] = await Promise.all([jwks(a), jwks(b)]);
    expect(keysA.keys).toHaveLength(1);
    expect(keysB).toEqual(keysA);
    const next = await expectSession(await refresh(b, user.refreshToken), 200);
    expect(await tokenWorks(a, next.accessToken)).toBe(true);
    expect(await tokenWorks(b, next.accessToken)).toBe(true);
    // A sign-out on one ends the session on the other at once.
    const out = await post(a, '/api/auth/logout', { body: {}, refreshToken: onB.refreshToken });
    expect(out.status).toBe(204);
    expect(await tokenWorks(b, onB.accessToken)).toBe(false);
    await expectError(await refresh(b, onB.refreshToken), 401, 'invalid_refresh');
  });

  it('gives an email to one of two sign-ups arriving at both at the same moment', async () => {
    const { a, b } = pair();
    for (let round = 0; round < 5; round += 1) {
      const email = uniqueEmail('race');
      const signUp = (app: App) =>
        post(app, '/api/auth/register', { body: { email, password: 'a good long password' } });
      const [first, second] = await Promise.all([signUp(a), signUp(b)]);
      const [won, lost] = first.status === 201 ? [first, second] : [second, first];
      await expectSession(won, 201);
      await expectError(lost, 409, 'email_taken');
    }
  });

  it('answers one refresh token sent to both at once with the same new token', async () => {
    const { a, b } = pair();
    let token = (await register(b)).refreshToken;
    for (let round = 0; round < 15; round += 1) {
      const answers = await Promise.all([refresh(a, token), refresh(b, token)]);
      const [fromA, fromB] = await Promise.all(answers.map((res) => expectSession(res, 200)));
      expect(fromA?.refreshToken).not.toBe(token);
      expect(fromB?.refreshToken, `round ${round}`).toBe(fromA?.refreshToken);
      token = fromA?.refreshToken ?? '';
    }
    // The family is still whole: its token refreshes once more, here or there.
    await refreshed(pair().both, token);
  });

  it('locks an account after 5 wrong passwords counted by both', async () => {
    const { both } = pair();
    const user = await register(both);
    const wrong = (app: App) =>
      post(app, '/api/auth/login', { body: { email: user.user.email, password: 'not it' } });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await expectError(await wrong(both), 401, 'invalid_credentials');
    }
    const { a, b } = pair();
    const right = (app: App) =>
      post(app, '/api/auth/login', { body: { email: user.user.email, password: user.password } });
    const lockedA = await expectError(await right(a), 401, 'invalid_credentials');
    const lockedB = await expectError(await right(b), 401, 'invalid_credentials');
    expect(lockedB).toBe(lockedA);
  });

  it('counts the login limit of one client IP across both', async () => {
    const { both } = pair();
    const ip = freshIp();
    const attempt = () =>
      post(both, '/api/auth/login', {
        body: { email: uniqueEmail('nobody'), password: 'whatever' },
        ip,
      });
    for (let n = 1; n <= 10; n += 1) {
      const res = await attempt();
      expect(res.headers.get('ratelimit-remaining'), `attempt ${n}`).toBe(String(10 - n));
      await expectError(res, 401, 'invalid_credentials');
    }
    const over = await attempt();
    await expectError(over, 429, 'rate_limited');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectError(await attempt(), 429, 'rate_limited');
  });

  it('counts attempts arriving at both at the same moment exactly', async () => {
    const { a, b } = pair();
    const ip = freshIp();
    const attempt = (app: App) =>
      post(app, '/api/auth/register', { body: { email: uniqueEmail(), password: 'short' }, ip });
    const answers = await Promise.all([a, b, a, b, a, b, a, b, a, b, a, b, a, b].map(attempt));
    const statuses = answers.map((res) => res.status).sort();
    expect(statuses).toEqual([...Array<number>(10).fill(400), 429, 429, 429, 429]);
  });

  it('numbers concurrent pushes of one user without gap or duplicate', async () => {
    const { a, b, both, db } = pair();
    const user = await register(a);
    const device = await login(b, user.user.email);
    const ROUNDS = 10;
    const PER_PUSH = 6;
    const pushed: SyncChange[] = [];
    const push = (app: App, token: string, node: string, round: number) => {
      const at = Date.now();
      const changes = Array.from({ length: PER_PUSH }, (_, i) =>
        change('items', `${node}-${round}-${i}`, 'name', `v${round}.${i}`, hlc(node, at, i)),
      );
      pushed.push(...changes);
      return syncOk(app, token, syncBody(node, changes));
    };

    // A third device pulls page by page, from both in turn, while the others push.
    let pushing = true;
    const pulled: SyncChange[] = [];
    const cursors: number[] = [];
    const puller = (async () => {
      let cursor = '';
      for (;;) {
        const wasPushing = pushing;
        const page = await syncOk(both, device.accessToken, syncBody(NODE_C, [], cursor, 4));
        pulled.push(...page.changes);
        cursor = page.cursor;
        if (cursor !== '') cursors.push(seqOf(cursor));
        if (!page.more && !wasPushing) return;
        if (!page.more) await sleep(30); // stay under the 120-a-minute sync limit
      }
    })();
    puller.catch(() => undefined); // reported by the await below, not as unhandled
    try {
      for (let round = 0; round < ROUNDS; round += 1) {
        await Promise.all([
          push(a, user.accessToken, NODE_A, round),
          push(b, device.accessToken, NODE_B, round),
        ]);
      }
    } finally {
      pushing = false;
      await puller;
    }

    const expected = asObject(latestCells(pushed));
    const fromA = await serverState(a, user.accessToken);
    expect(fromA).toEqual(expected);
    expect(await serverState(b, device.accessToken)).toEqual(expected);
    // The device that pulled while pushes landed saw every cell, each once.
    expect(pulled.map(cellKey).sort()).toEqual(Object.keys(expected));
    const total = ROUNDS * 2 * PER_PUSH;
    expect(cursors.at(-1)).toBe(total);
    expect(cursors).toEqual([...cursors].sort((x, y) => x - y));
    // Every pushed cell got the next number: exactly 1..total.
    expect(await cellSeqs(db, user.user.id)).toEqual(
      Array.from({ length: total }, (_, i) => i + 1),
    );
  });

  it('keeps the greatest hlc of one cell pushed to both at the same moment', async () => {
    const { a, b } = pair();
    const user = await register(b);
    const device = await login(a, user.user.email);
    const pushed: SyncChange[] = [];
    for (let round = 0; round < 10; round += 1) {
      const at = Date.now();
      // Node aa's counter runs ahead in odd rounds, so either side wins some rounds.
      const stamp = (node: string) =>
        hlc(node, at, (node === NODE_A) === (round % 2 === 1) ? 1 : 0);
      const both = [NODE_A, NODE_B].map((node) => [
        change('items', 'one', 'name', `${node} ${round}`, stamp(node)),
        change('items', 'two', 'name', `${node} ${round}`, stamp(node)),
      ]);
      pushed.push(...both.flat());
      await Promise.all([
        syncOk(a, user.accessToken, syncBody(NODE_A, both[0])),
        syncOk(b, device.accessToken, syncBody(NODE_B, both[1])),
      ]);
    }
    const expected = asObject(latestCells(pushed));
    expect(await serverState(a, device.accessToken)).toEqual(expected);
    expect(await serverState(b, user.accessToken)).toEqual(expected);
  });

  it('serves health and metrics on both', async () => {
    const { a, b } = pair();
    for (const app of [a, b]) {
      const health = await send(app, 'GET', '/api/health');
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      const metrics = await send(app, 'GET', '/metrics', { bearer: METRICS_TOKEN });
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('pyb_http_requests_total');
      await expectError(await send(app, 'GET', '/metrics'), 401, 'unauthenticated');
    }
  });

  // Last: the grace window of the family rotated in beforeAll has passed meanwhile.
  it('treats a rotated token as reused on both once its grace has passed', async () => {
    const { a, b } = pair();
    if (!stale) throw new Error('no stale family');
    const { session, first, rotatedAt } = stale;
    await sleep(rotatedAt + REFRESH_GRACE_MS + 1000 - Date.now());
    await expectError(await refresh(a, first), 401, 'refresh_reused');
    // The family is revoked everywhere: its access token too.
    expect(await tokenWorks(b, session.accessToken)).toBe(false);
    expect(await tokenWorks(a, session.accessToken)).toBe(false);
  });
});

describe('two instances on one database, direct, keys stored plain', () => {
  const pair = serverPair({});

  it('shares one key set and the login limit of 127.0.0.1; metrics for loopback on both', async () => {
    const { a, b, both } = pair();
    const [keysA, keysB] = await Promise.all([jwks(a), jwks(b)]);
    expect(keysB).toEqual(keysA);
    const user = await register(a);
    const onB = await login(b, user.user.email);
    expect(await tokenWorks(a, onB.accessToken)).toBe(true);
    expect(await tokenWorks(b, user.accessToken)).toBe(true);

    // Every request comes from 127.0.0.1 here: one counter, already used once above.
    let remaining = 9;
    for (; remaining > 0; remaining -= 1) {
      const res = await post(both, '/api/auth/login', {
        body: { email: user.user.email, password: user.password },
      });
      expect(res.headers.get('ratelimit-remaining')).toBe(String(remaining - 1));
      await expectSession(res, 200);
    }
    await expectError(
      await post(both, '/api/auth/login', { body: { email: user.user.email, password: 'x' } }),
      429,
      'rate_limited',
    );

    for (const app of [a, b]) {
      expect((await send(app, 'GET', '/api/health')).status).toBe(200);
      const metrics = await send(app, 'GET', '/metrics');
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('pyb_http_requests_total');
    }
  });
});
