// `npm run bench:load` (and the last part of `npm run bench`): many simulated devices
// against one production build on loopback. 250 users × 4 devices; each device, on its
// own 5 s beat (start offsets spread over the first beat), pushes three cells (a new
// item's name and weight, and the user's one shared item's notes, which all four devices
// overwrite, so last-writer-wins has real conflicts to settle) and pulls what is new.
// After 60 s every device stops, then pulls to quiescence, and the four devices of each
// user must hold the same cells, including every cell a device pushed.
// The devices run in two processes of their own (scripts/bench-load-devices.ts), started
// only once every user is registered and the server has gone idle (registration is
// password hashing, deliberately slow, and would otherwise spill into the load).
// Reported: errors (any non-2xx, network error or 10 s timeout), sync latency p50/p95/p99
// as the devices saw it (they share the machine's cores with the server) beside the
// server's own handling time of the same requests (its Server-Timing header), the
// devices' event-loop delay, pushed cells a second, the server's peak RSS (VmHWM) and the
// load average. Goal: p99 < 250 ms as the devices saw it, no errors, all converged.
// Registering 250 users from one address would hit the 10 a minute per IP limit: the
// server trusts X-Forwarded-For (PYB_TRUST_PROXY=true) and each user gets its own.
// Sizes: PYB_LOAD_USERS, PYB_LOAD_SECONDS, PYB_LOAD_INTERVAL_MS (smoke: 2 users, 5 s, 1 s).
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { startBuiltServer } from '../e2e/support/server';
import type { LoadPlan, LoadResult, LoadUser } from './bench-load-devices';
import { quantile, report, row, size } from './bench-table';
import { cpuSeconds, statusMiB } from './bench-proc';

const DEVICES_PER_USER = 4;
const CLIENT_PROCESSES = 2;
const USERS = Number(process.env['PYB_LOAD_USERS'] ?? size(250, 2));
const SECONDS = Number(process.env['PYB_LOAD_SECONDS'] ?? size(60, 5));
const INTERVAL_MS = Number(process.env['PYB_LOAD_INTERVAL_MS'] ?? size(5000, 1000));
const TIMEOUT_MS = 10_000;
const GOAL_P99_MS = 250;

async function register(url: string, user: LoadUser): Promise<void> {
  const res = await fetch(new URL('/api/auth/register', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': user.ip },
    body: JSON.stringify({ email: `load-${user.index}@example.com`, password: 'bench password' }),
    signal: AbortSignal.timeout(60_000),
  });
  if (!res.ok) throw new Error(`register answered ${res.status}: ${await res.text()}`);
  user.token = String(((await res.json()) as { accessToken: unknown }).accessToken);
}

/** Runs `work` over `items`, `width` at a time. */
async function pool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.all(lanes);
}

/** Waits until the server used under 5% of a core over half a second (at most 20 s). */
async function untilIdle(pid: number): Promise<void> {
  for (let tries = 0; tries < 40; tries += 1) {
    const before = cpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (cpuSeconds(pid) - before < 0.025) return;
  }
  throw new Error('the server did not go idle after registration');
}

/** A forked device process, once it has warmed up; `run` hands it its plan. */
function startClient(url: string): Promise<{ run(plan: LoadPlan): Promise<LoadResult> }> {
  const child = fork(new URL('./bench-load-devices.ts', import.meta.url), [url], {
    execArgv: ['--import', 'tsx'],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`a device process exited with ${code}`))),
  );
  const next = () => Promise.race([new Promise((r) => child.once('message', r)), exited]);
  const run = (plan: LoadPlan) => {
    child.send(plan);
    return next() as Promise<LoadResult>;
  };
  return next().then(() => ({ run }));
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

const server = await startBuiltServer({ env: { PYB_TRUST_PROXY: 'true' } });
try {
  const pid = server.child.pid ?? 0;
  const users: LoadUser[] = Array.from({ length: USERS }, (_, index) => ({
    index,
    ip: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
    token: '',
  }));
  await pool(users, 4, (user) => register(server.url, user));
  const rssAfterRegistering = statusMiB(pid, 'VmHWM');
  await untilIdle(pid);
  const totalDevices = USERS * DEVICES_PER_USER;
  console.log(
    `${totalDevices} devices (${USERS} users × ${DEVICES_PER_USER}) in ${CLIENT_PROCESSES} ` +
      `processes, a beat every ${INTERVAL_MS} ms for ${SECONDS} s`,
  );
  const perClient = Math.ceil(USERS / CLIENT_PROCESSES);
  const slices = Array.from({ length: CLIENT_PROCESSES }, (_, i) =>
    users.slice(i * perClient, (i + 1) * perClient),
  ).filter((slice) => slice.length > 0);
  const clients = await Promise.all(slices.map(() => startClient(server.url)));
  const startAt = Date.now() + 500;
  const results = await Promise.all(
    clients.map((client, i) =>
      client.run({
        url: server.url,
        users: slices[i] ?? [],
        devicesPerUser: DEVICES_PER_USER,
        firstDevice: i * perClient * DEVICES_PER_USER,
        totalDevices,
        intervalMs: INTERVAL_MS,
        startAt,
        endAt: startAt + SECONDS * 1000,
        timeoutMs: TIMEOUT_MS,
      }),
    ),
  );
  const load = loadavg()[0] ?? NaN;
  const rss = statusMiB(pid, 'VmHWM');
  const clientMs = results.flatMap((r) => r.clientMs);
  const serverMs = results.flatMap((r) => r.serverMs);
  const errors = results.flatMap((r) => r.errors);
  const converged = results.reduce((sum, r) => sum + r.converged, 0);
  const pushed = results.reduce((sum, r) => sum + r.pushedCells, 0);
  const pulled = results.reduce((sum, r) => sum + r.pulledCells, 0);
  const loopP99 = Math.max(...results.map((r) => r.loopDelayP99Ms));
  const loopMax = Math.max(...results.map((r) => r.loopDelayMaxMs));
  if (clientMs.length === 0) throw new Error('load: no sync request completed');
  for (const e of errors.slice(0, 10)) console.error(`  error: ${e}`);
  const [p50, p95, p99] = [0.5, 0.95, 0.99].map((q) => quantile(clientMs, q)) as number[];
  const [s50, s95, s99] = [0.5, 0.95, 0.99].map((q) => quantile(serverMs, q)) as number[];
  const label = `${totalDevices} devices`;
  report([
    row({
      figure: `sync load p99 as the devices saw it, ${label}, a pull every ${INTERVAL_MS / 1000} s`,
      value: p99 ?? NaN,
      unit: 'ms',
      floor: `p50 ${ms(p50 ?? NaN)}, p95 ${ms(p95 ?? NaN)}, ${clientMs.length.toLocaleString('en')} requests, load average ${load.toFixed(1)}`,
      ratio: null,
      goal: `< ${GOAL_P99_MS} ms`,
      met: (p99 ?? NaN) < GOAL_P99_MS,
    }),
    row({
      figure: `sync load server time p99 (its Server-Timing), ${label}`,
      value: s99 ?? NaN,
      unit: 'ms',
      floor: `p50 ${ms(s50 ?? NaN)}, p95 ${ms(s95 ?? NaN)}, max ${ms(Math.max(...serverMs))}; device event loop delay p99 ${ms(loopP99)}, max ${ms(loopMax)}`,
      ratio: null,
      goal: '',
      met: null,
    }),
    row({
      figure: `sync load errors, ${label}`,
      value: errors.length,
      unit: '',
      floor: `of ${(clientMs.length + errors.length).toLocaleString('en')} requests, ${USERS} users checked`,
      ratio: null,
      goal: '0',
      met: errors.length === 0,
    }),
    row({
      figure: `sync load cells pushed a second, ${label}`,
      value: pushed / SECONDS,
      unit: 'cells/s',
      floor: `pulled ${(pulled / SECONDS).toFixed(0)} cells/s`,
      ratio: null,
      goal: '',
      met: null,
    }),
    row({
      figure: `sync load users converged, ${label}`,
      value: converged,
      unit: 'users',
      floor: `of ${USERS}`,
      ratio: null,
      goal: 'all',
      met: converged === USERS,
    }),
    row({
      figure: `sync load server peak RSS (VmHWM), ${label}`,
      value: rss,
      unit: 'MB',
      // Password hashing at registration sets most of it: see docs/benchmarks.md.
      floor: `${rssAfterRegistering.toFixed(0)} MB after registering, before the load`,
      ratio: null,
      goal: '',
      met: null,
    }),
  ]);
} finally {
  await server.close();
}
