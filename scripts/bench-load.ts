// `npm run bench:load` (and the last part of `npm run bench`): many simulated devices
// against one production build on loopback. 250 users × 4 devices; each device, on its
// own 5 s beat (start offsets spread over the first beat), pushes three cells (a new
// item's name and weight, and the user's one shared item's notes, which all four devices
// overwrite, so last-writer-wins has real conflicts to settle) and pulls what is new.
// After 60 s every device stops, then pulls to quiescence, and the four devices of each
// user must hold the same cells, including every cell a device pushed.
// Reported: errors (any non-2xx, network error or 10 s timeout), sync latency p50/p95/p99
// as this client saw it (the client shares the machine's cores with the server), pushed
// cells a second, and the server's peak RSS (VmHWM). Goal: p99 < 250 ms, no errors.
// Registering 250 users from one address would hit the 10 a minute per IP limit: the
// server trusts X-Forwarded-For (PYB_TRUST_PROXY=true) and each user gets its own.
// Sizes: PYB_LOAD_USERS, PYB_LOAD_SECONDS, PYB_LOAD_INTERVAL_MS (smoke: 2 users, 5 s, 1 s).
import { readFileSync } from 'node:fs';
import { uuidv7 } from 'uuidv7';
import { startBuiltServer } from '../e2e/support/server';
import { formatHlc, initialHlcState, tick, type HlcState } from '../shared/hlc';
import type { SyncChange } from '../shared/protocol';
import { quantile, report, row, size } from './bench-table';

const DEVICES_PER_USER = 4;
const USERS = Number(process.env['PYB_LOAD_USERS'] ?? size(250, 2));
const SECONDS = Number(process.env['PYB_LOAD_SECONDS'] ?? size(60, 5));
const INTERVAL_MS = Number(process.env['PYB_LOAD_INTERVAL_MS'] ?? size(5000, 1000));
const TIMEOUT_MS = 10_000;
const GOAL_P99_MS = 250;

interface Device {
  user: User;
  node: string;
  clock: HlcState;
  cursor: string;
  /** Every cell this device holds: its own pushes and all it pulled, last writer wins. */
  cells: Map<string, { hlc: string; value: unknown }>;
}

interface User {
  index: number;
  ip: string;
  token: string;
  sharedItem: string;
  /** Keys of the cells its devices pushed and the server accepted. */
  pushed: Set<string>;
}

const latencies: number[] = [];
const errors: string[] = [];
let pushedCells = 0;
let pulledCells = 0;

const key = (c: SyncChange) => `${c.table}/${c.id}/${c.field}`;

function hold(device: Device, c: SyncChange): void {
  const mine = device.cells.get(key(c));
  if (!mine || c.hlc > mine.hlc) device.cells.set(key(c), { hlc: c.hlc, value: c.value });
}

async function post(url: string, path: string, body: unknown, ip: string, token?: string) {
  const res = await fetch(new URL(path, url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': ip,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

/** One sync round trip, timed; false (and an error counted) if it failed. */
async function sync(url: string, device: Device, changes: SyncChange[], limit = 1000) {
  const start = performance.now();
  try {
    const page = (await post(
      url,
      '/api/sync',
      { protocol: 1, nodeId: device.node, since: device.cursor, limit, changes },
      device.user.ip,
      device.user.token,
    )) as { changes: SyncChange[]; cursor: string; more: boolean };
    latencies.push(performance.now() - start);
    for (const c of changes) device.user.pushed.add(key(c));
    pushedCells += changes.length;
    pulledCells += page.changes.length;
    page.changes.forEach((c) => hold(device, c));
    device.cursor = page.cursor;
    return page;
  } catch (error) {
    errors.push(`${device.node}: ${String(error)}`);
    return null;
  }
}

function stamp(device: Device, table: string, id: string, field: string, value: unknown) {
  device.clock = tick(device.clock, Date.now());
  const c: SyncChange = { table, id, field, value, hlc: formatHlc(device.clock) };
  hold(device, c);
  return c;
}

async function beat(url: string, device: Device, n: number): Promise<void> {
  const id = uuidv7();
  await sync(url, device, [
    stamp(device, 'items', id, 'name', `Item ${n} from ${device.node}`),
    stamp(device, 'items', id, 'weightGrams', 100 + n),
    stamp(device, 'items', device.user.sharedItem, 'notes', `beat ${n} of ${device.node}`),
  ]);
}

/** One device's life: a beat every INTERVAL_MS from `offset` until `end`. */
async function run(url: string, device: Device, offset: number, end: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, offset));
  for (let n = 0; Date.now() < end; n += 1) {
    const next = Date.now() + INTERVAL_MS;
    await beat(url, device, n);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
  }
}

/** Runs `work` over `items`, `width` at a time. */
async function pool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.all(lanes);
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(kb) / 1024;
}

const fingerprint = (d: Device) =>
  JSON.stringify([...d.cells].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

const server = await startBuiltServer({ env: { PYB_TRUST_PROXY: 'true' } });
try {
  const users: User[] = Array.from({ length: USERS }, (_, index) => ({
    index,
    ip: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
    token: '',
    sharedItem: uuidv7(),
    pushed: new Set<string>(),
  }));
  await pool(users, 4, async (user) => {
    const email = `load-${user.index}@example.com`;
    const session = await post(
      server.url,
      '/api/auth/register',
      { email, password: 'bench password' },
      user.ip,
    );
    user.token = String(session.accessToken);
  });
  const rssAfterRegistering = peakRssMb(server.child.pid ?? 0);
  const devices: Device[] = users.flatMap((user) =>
    Array.from({ length: DEVICES_PER_USER }, (_, d) => {
      const node = `b${(user.index * DEVICES_PER_USER + d).toString(16).padStart(15, '0')}`;
      return { user, node, clock: initialHlcState(node), cursor: '', cells: new Map() };
    }),
  );
  console.log(
    `${devices.length} devices (${USERS} users × ${DEVICES_PER_USER}), a beat every ` +
      `${INTERVAL_MS} ms for ${SECONDS} s`,
  );
  const start = Date.now();
  const end = start + SECONDS * 1000;
  await Promise.all(
    devices.map((device, i) => run(server.url, device, (i * INTERVAL_MS) / devices.length, end)),
  );
  const seconds = (Date.now() - start) / 1000;
  const loadLatencies = [...latencies];
  const loadPushed = pushedCells;
  const loadPulled = pulledCells;

  // Quiescence: every device pulls until the server has nothing more for it.
  await pool(devices, 16, async (device) => {
    for (let page = 0; page < 100; page += 1) {
      const answer = await sync(server.url, device, [], 5000);
      if (!answer || !answer.more) return;
    }
    errors.push(`${device.node}: still "more" after 100 pages`);
  });
  let converged = 0;
  for (const user of users) {
    const mine = devices.filter((d) => d.user === user);
    const prints = new Set(mine.map(fingerprint));
    const complete = mine.every((d) => [...user.pushed].every((k) => d.cells.has(k)));
    if (prints.size === 1 && complete && user.pushed.size > 0) converged += 1;
    else errors.push(`user ${user.index}: its ${mine.length} devices did not converge`);
  }
  const rss = peakRssMb(server.child.pid ?? 0);
  if (loadLatencies.length === 0) throw new Error('load: no sync request completed');
  for (const e of errors.slice(0, 10)) console.error(`  error: ${e}`);
  const [p50, p95, p99] = [0.5, 0.95, 0.99].map((q) => quantile(loadLatencies, q)) as [
    number,
    number,
    number,
  ];
  const label = `${devices.length} devices`;
  report([
    row({
      figure: `sync load p99, ${label}, a pull every ${INTERVAL_MS / 1000} s`,
      value: p99,
      unit: 'ms',
      floor: `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ${loadLatencies.length.toLocaleString('en')} requests`,
      ratio: null,
      goal: `< ${GOAL_P99_MS} ms`,
      met: p99 < GOAL_P99_MS,
    }),
    row({
      figure: `sync load errors, ${label}`,
      value: errors.length,
      unit: '',
      floor: `of ${(latencies.length + errors.length).toLocaleString('en')} requests, ${USERS} users checked`,
      ratio: null,
      goal: '0',
      met: errors.length === 0,
    }),
    row({
      figure: `sync load cells pushed a second, ${label}`,
      value: loadPushed / seconds,
      unit: 'cells/s',
      floor: `pulled ${(loadPulled / seconds).toFixed(0)} cells/s`,
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
