// `npm run bench` (PostgreSQL part, issue 16): the production build on loopback with
// PYB_DATABASE_URL, on a throwaway cluster of its own (server/test-support/postgres-cluster.ts,
// fsync off: the floor and the server write to the same cluster, so both skip it alike).
// 1. merge throughput: cells a second through POST /api/sync in batches of 1000 to one
//    instance, against a raw batched upsert of the same cells into the same database's real
//    `cells` table (same key, same (user_id, seq) unique index): one INSERT … SELECT FROM
//    unnest(…) ON CONFLICT per 1000 cells, from this process, over one connection.
// 2. one instance against two on the same database: USERS_AT_ONCE users push at once, each
//    its batches one after another, all to one instance, or alternating between two server
//    processes (as a load balancer would: a user's consecutive pushes land on both); total
//    cells a second. Reported as a ratio without a goal: the machine has two cores, which the
//    instances share with PostgreSQL and this process.
// Kept fair as bench-sync-server.ts: bodies encoded before the clock starts, keep-alive
// connections (a request in a round that opens a new one fails the run), a warm-up, then
// ROUNDS alternating rounds, each with fresh users; each side's fastest round counts.
// Every round is checked afterwards: each user must hold every cell it pushed, or the run
// fails. Sign-ups carry an X-Forwarded-For of their own (PYB_TRUST_PROXY=true): there are
// more of them than the 10 a minute one address may make.
import { loadavg } from 'node:os';
import { requireBuild, startBuiltServer, type TestServer } from '../e2e/support/server';
import { connectPostgres, type Sql } from '../server/storage/postgres/connect';
import { startPostgresCluster, withDatabase } from '../server/test-support/postgres-cluster';
import type { SyncChange } from '../shared/protocol';
import { accountCells } from './bench-account';
import { BATCH, batchesOf, keepAliveClient, pushBodies, signUp, userIdOf } from './bench-http';
import { cpuSeconds } from './bench-proc';
import { report, row, size } from './bench-table';

const ROUNDS = size(3, 1);
const WARM_UP_BATCHES = size(30, 1);
/** Under docs/api.md's 120 sync requests a minute per user. */
const THROUGHPUT_BATCHES = 100;
const USERS_AT_ONCE = size(4, 2);
const BATCHES_PER_USER = size(25, 2);
const DATABASE = 'pyb_bench';

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

/** Every user of the run signs up from an address of its own, on the first instance. */
let signUps = 0;
async function newUsers(server: TestServer, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i += 1) {
    signUps += 1;
    const ip = `10.${(signUps >> 16) & 255}.${(signUps >> 8) & 255}.${signUps & 255}`;
    tokens.push(await signUp(server.url, `pg-bench-${signUps}@example.com`, ip));
  }
  return tokens;
}

/** Fails the run unless the user holds exactly `expected` cells. */
async function expectCells(sql: Sql, userId: string, expected: number, what: string) {
  const [counted] = await sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM cells WHERE user_id = ${userId}`;
  if (counted?.n !== expected)
    throw new Error(`${what}: ${counted?.n ?? 0} of ${expected} cells stored for ${userId}`);
}

const cellCount = (batches: readonly SyncChange[][]) => batches.reduce((n, b) => n + b.length, 0);

/** The floor: one unnest upsert per batch, each its own transaction, into the real table. */
async function rawSeconds(sql: Sql, batches: readonly SyncChange[][]): Promise<number> {
  const userId = `raw-${crypto.randomUUID()}`;
  const columns = batches.map((batch) => ({
    tbl: batch.map((c) => c.table),
    rowId: batch.map((c) => c.id),
    field: batch.map((c) => c.field),
    value: batch.map((c) => JSON.stringify(c.value)),
    hlc: batch.map((c) => c.hlc),
  }));
  const t0 = performance.now();
  for (const [i, c] of columns.entries()) {
    await sql`
      INSERT INTO cells (user_id, tbl, row_id, field, value, hlc, seq)
      SELECT ${userId}, t.tbl, t.row_id, t.field, t.value, t.hlc, ${i * BATCH} + t.n
      FROM unnest(${c.tbl}::text[], ${c.rowId}::text[], ${c.field}::text[], ${c.value}::text[],
                  ${c.hlc}::text[]) WITH ORDINALITY AS t(tbl, row_id, field, value, hlc, n)
      ON CONFLICT (user_id, tbl, row_id, field) DO UPDATE
        SET value = excluded.value, hlc = excluded.hlc, seq = excluded.seq
        WHERE excluded.hlc > cells.hlc`;
  }
  const seconds = (performance.now() - t0) / 1000;
  await expectCells(sql, userId, cellCount(batches), 'raw upsert');
  return seconds;
}

/**
 * Each token's user pushes `bodies` one after another, all users at once; request i of
 * user u goes to server (i + u) mod servers. Returns the seconds until the last answer.
 */
async function pushAtOnce(
  servers: readonly TestServer[],
  tokens: readonly string[],
  bodies: readonly Buffer[],
): Promise<number> {
  const clients = tokens.map(() => servers.map((server) => keepAliveClient(server.url)));
  try {
    const t0 = performance.now();
    await Promise.all(
      tokens.map(async (token, u) => {
        for (const [i, body] of bodies.entries()) {
          const at = (i + u) % servers.length;
          // The first request to each server opens that user's connection to it.
          await clients[u]?.[at]?.post('/api/sync', body, token, i < servers.length);
        }
      }),
    );
    return (performance.now() - t0) / 1000;
  } finally {
    clients.flat().forEach((client) => client.close());
  }
}

requireBuild();
const cells = accountCells();
const throughputBatches = batchesOf(cells, THROUGHPUT_BATCHES);
const throughputBodies = pushBodies(throughputBatches);
const userBatches = batchesOf(cells, BATCHES_PER_USER);
const userBodies = pushBodies(userBatches);
console.log(`load average at the start: ${load()}`);

const cluster = await startPostgresCluster();
const servers: TestServer[] = [];
let sql: Sql | undefined;
try {
  const admin = connectPostgres(cluster.url, { max: 1 });
  await admin.unsafe(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const url = withDatabase(cluster.url, DATABASE);
  const env = {
    PYB_DATABASE_URL: url,
    PYB_TRUST_PROXY: 'true',
    // Both instances sign and accept the same tokens: one public address, as behind a proxy.
    PYB_PUBLIC_URL: 'http://localhost:8080',
  };
  // One after the other: the first migrates the empty database and stores the signing key.
  servers.push(await startBuiltServer({ env }));
  servers.push(await startBuiltServer({ env }));
  const [first, second] = servers as [TestServer, TestServer];
  sql = connectPostgres(url, { max: 1 });
  const db = sql;

  /** A new user pushes `bodies` to the first instance; returns the seconds and server CPU. */
  const serverRound = async (bodies: readonly Buffer[]) => {
    const [token = ''] = await newUsers(first, 1);
    const cpu0 = cpuSeconds(first.child.pid ?? 0);
    const seconds = await pushAtOnce([first], [token], bodies);
    const cpu = cpuSeconds(first.child.pid ?? 0) - cpu0;
    const pushed = cellCount(throughputBatches.slice(0, bodies.length));
    await expectCells(db, userIdOf(token), pushed, 'server push');
    return { seconds, cpu };
  };
  await serverRound(throughputBodies.slice(0, WARM_UP_BATCHES));
  await rawSeconds(db, throughputBatches.slice(0, WARM_UP_BATCHES));
  let serverBest = Infinity;
  let rawBest = Infinity;
  for (let round = 1; round <= ROUNDS; round += 1) {
    const { seconds: ours, cpu } = await serverRound(throughputBodies);
    const floor = await rawSeconds(db, throughputBatches);
    console.log(
      `merge round ${round}: server ${ours.toFixed(3)} s (${cpu.toFixed(2)} s CPU), ` +
        `raw upsert ${floor.toFixed(3)} s; load ${load()}`,
    );
    serverBest = Math.min(serverBest, ours);
    rawBest = Math.min(rawBest, floor);
  }
  const throughputCells = cellCount(throughputBatches);
  const serverRate = throughputCells / serverBest;
  const rawRate = throughputCells / rawBest;

  /** USERS_AT_ONCE fresh users push at once through `to`; returns the seconds. */
  const concurrentSeconds = async (to: readonly TestServer[]) => {
    const tokens = await newUsers(first, USERS_AT_ONCE);
    const cpu0 = servers.map((s) => cpuSeconds(s.child.pid ?? 0));
    const seconds = await pushAtOnce(to, tokens, userBodies);
    const cpu = servers.map((s, i) => (cpuSeconds(s.child.pid ?? 0) - (cpu0[i] ?? 0)).toFixed(2));
    for (const token of tokens)
      await expectCells(db, userIdOf(token), cellCount(userBatches), `${to.length} instance(s)`);
    console.log(
      `  ${to.length} instance(s): ${seconds.toFixed(3)} s (server CPU ${cpu.join(' + ')} s); load ${load()}`,
    );
    return seconds;
  };
  await concurrentSeconds([first]);
  await concurrentSeconds([first, second]);
  let oneBest = Infinity;
  let twoBest = Infinity;
  for (let round = 1; round <= ROUNDS; round += 1) {
    console.log(`instances round ${round}:`);
    oneBest = Math.min(oneBest, await concurrentSeconds([first]));
    twoBest = Math.min(twoBest, await concurrentSeconds([first, second]));
  }
  const concurrentCells = USERS_AT_ONCE * cellCount(userBatches);
  const oneRate = concurrentCells / oneBest;
  const twoRate = concurrentCells / twoBest;
  console.log(`load average at the end: ${load()}`);

  report([
    row({
      figure: 'PostgreSQL sync merge throughput (batches of 1000)',
      value: serverRate,
      unit: 'cells/s',
      floor: `raw PostgreSQL unnest upsert ${Math.round(rawRate).toLocaleString('en')} cells/s`,
      ratio: serverRate / rawRate,
      goal: '',
      met: null,
    }),
    row({
      figure: `PostgreSQL, ${USERS_AT_ONCE} users pushing at once: two instances vs one`,
      value: twoRate,
      unit: 'cells/s',
      floor: `one instance ${Math.round(oneRate).toLocaleString('en')} cells/s`,
      ratio: twoRate / oneRate,
      goal: '',
      met: null,
    }),
  ]);
} finally {
  await sql?.end();
  for (const server of servers) await server.close();
  cluster.stop();
}
