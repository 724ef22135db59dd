// The simulated devices of scripts/bench-load.ts, in a process of their own (forked by
// it), so the server's latency is not measured through the event loop of a client that
// shares it with the server's bookkeeping. It receives a slice of the users (all four
// devices of a user live in the same process, so it can check they converge), runs
// every device on its 5 s beat from the shared start time, pulls to quiescence, and
// sends back what it measured.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { uuidv7 } from 'uuidv7';
import { formatHlc, initialHlcState, tick, type HlcState } from '../shared/hlc';
import type { SyncChange } from '../shared/protocol';

export interface LoadUser {
  index: number;
  ip: string;
  token: string;
}

export interface LoadPlan {
  url: string;
  users: LoadUser[];
  devicesPerUser: number;
  /** Index of this slice's first device among all devices, for the start offsets. */
  firstDevice: number;
  totalDevices: number;
  intervalMs: number;
  /** Date.now() values: the first beat of device 0, and when every device stops. */
  startAt: number;
  endAt: number;
  timeoutMs: number;
}

export interface LoadResult {
  /** Round-trip times of the load's sync requests as this process saw them, ms. */
  clientMs: number[];
  /** The server's own handling time of the same requests (Server-Timing), ms. */
  serverMs: number[];
  errors: string[];
  pushedCells: number;
  pulledCells: number;
  converged: number;
  /** This process's event-loop delay during the load, ms. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

interface Device {
  user: LoadUser & { sharedItem: string; pushed: Set<string> };
  node: string;
  clock: HlcState;
  cursor: string;
  /** Every cell this device holds: its own pushes and all it pulled, last writer wins. */
  cells: Map<string, { hlc: string; value: unknown }>;
}

const key = (c: SyncChange) => `${c.table}/${c.id}/${c.field}`;

function hold(device: Device, c: SyncChange): void {
  const mine = device.cells.get(key(c));
  if (!mine || c.hlc > mine.hlc) device.cells.set(key(c), { hlc: c.hlc, value: c.value });
}

function stamp(device: Device, table: string, id: string, field: string, value: unknown) {
  device.clock = tick(device.clock, Date.now());
  const c: SyncChange = { table, id, field, value, hlc: formatHlc(device.clock) };
  hold(device, c);
  return c;
}

const fingerprint = (d: Device) =>
  JSON.stringify([...d.cells].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

const sleepUntil = (at: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

export async function runDevices(plan: LoadPlan): Promise<LoadResult> {
  const result: LoadResult = {
    clientMs: [],
    serverMs: [],
    errors: [],
    pushedCells: 0,
    pulledCells: 0,
    converged: 0,
    loopDelayP99Ms: 0,
    loopDelayMaxMs: 0,
  };
  let timing = true;

  /** One sync round trip; its times are kept while `timing` (the load, not the drain). */
  async function sync(device: Device, changes: SyncChange[], limit = 1000) {
    const body = { protocol: 1, nodeId: device.node, since: device.cursor, limit, changes };
    const start = performance.now();
    try {
      const res = await fetch(new URL('/api/sync', plan.url), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': device.user.ip,
          authorization: `Bearer ${device.user.token}`,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(plan.timeoutMs),
      });
      const text = await res.text();
      const ms = performance.now() - start;
      if (!res.ok) throw new Error(`/api/sync answered ${res.status}: ${text}`);
      const server = /app;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1];
      if (server === undefined) throw new Error('/api/sync answered without Server-Timing');
      if (timing) {
        result.clientMs.push(ms);
        result.serverMs.push(Number(server));
      }
      const page = JSON.parse(text) as { changes: SyncChange[]; cursor: string; more: boolean };
      for (const c of changes) device.user.pushed.add(key(c));
      result.pushedCells += changes.length;
      result.pulledCells += page.changes.length;
      page.changes.forEach((c) => hold(device, c));
      device.cursor = page.cursor;
      return page;
    } catch (error) {
      result.errors.push(`${device.node}: ${String(error)}`);
      return null;
    }
  }

  const users = plan.users.map((u) => ({ ...u, sharedItem: uuidv7(), pushed: new Set<string>() }));
  const devices: Device[] = users.flatMap((user) =>
    Array.from({ length: plan.devicesPerUser }, (_, d) => {
      const node = `b${(user.index * plan.devicesPerUser + d).toString(16).padStart(15, '0')}`;
      return { user, node, clock: initialHlcState(node), cursor: '', cells: new Map() };
    }),
  );

  /** One device's life: a beat every intervalMs from its offset until endAt. */
  async function run(device: Device, offset: number): Promise<void> {
    for (let n = 0, at = plan.startAt + offset; at < plan.endAt; n += 1, at += plan.intervalMs) {
      await sleepUntil(at);
      const id = uuidv7();
      await sync(device, [
        stamp(device, 'items', id, 'name', `Item ${n} from ${device.node}`),
        stamp(device, 'items', id, 'weightGrams', 100 + n),
        stamp(device, 'items', device.user.sharedItem, 'notes', `beat ${n} of ${device.node}`),
      ]);
    }
  }

  const loop = monitorEventLoopDelay({ resolution: 10 });
  await sleepUntil(plan.startAt);
  loop.enable();
  const spread = plan.intervalMs / plan.totalDevices;
  await Promise.all(devices.map((d, i) => run(d, (plan.firstDevice + i) * spread)));
  loop.disable();
  result.loopDelayP99Ms = loop.percentile(99) / 1e6;
  result.loopDelayMaxMs = loop.max / 1e6;
  timing = false;

  // Quiescence: every device pulls until the server has nothing more for it, a few at a time.
  let next = 0;
  const drain = async () => {
    while (next < devices.length) {
      const device = devices[next++] as Device;
      let page = await sync(device, [], 5000);
      for (let pages = 1; page?.more && pages < 100; pages += 1)
        page = await sync(device, [], 5000);
      if (page?.more) result.errors.push(`${device.node}: still "more" after 100 pages`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, drain));
  for (const user of users) {
    const mine = devices.filter((d) => d.user === user);
    const prints = new Set(mine.map(fingerprint));
    const complete = mine.every((d) => [...user.pushed].every((k) => d.cells.has(k)));
    if (prints.size === 1 && complete && user.pushed.size > 0) result.converged += 1;
    else result.errors.push(`user ${user.index}: its ${mine.length} devices did not converge`);
  }
  return result;
}

// Forked by bench-load.ts: warms up (its first fetch sets up the HTTP client and JIT),
// says it is ready, then takes one plan and sends back one result.
if (process.send) {
  process.once('message', (plan: LoadPlan) => {
    void runDevices(plan).then(
      (result) => process.send?.(result, () => process.disconnect()),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
  const url = process.argv[2] ?? '';
  void fetch(new URL('/api/health', url)).then(
    async (res) => {
      await res.text();
      process.send?.('ready');
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
