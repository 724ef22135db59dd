// A simulated device for sync tests: its own IndexedDB database (fake-indexeddb), its own
// clock, and a sync engine whose transport calls the real server app in process
// (`app.request`, no port). Fault tests wrap the transport to drop, delay or duplicate
// requests and answers; `transport` replaces it outright.
import { openDatabase, type PybDatabase } from '../../db/db';
import {
  createSyncEngine,
  type SyncEngine,
  type SyncEngineOptions,
  type SyncOutcome,
} from '../sync-engine';
import { SYNC_PATH, type SyncTransport } from '../transport';

/** The part of a Hono app the tests use (server/test-support/fixture.ts createTestApp). */
export interface InProcessApp {
  request(path: string, init: RequestInit, env?: unknown): Response | Promise<Response>;
}

/** Like @hono/node-server: the socket address the server reads the client IP from. */
const connEnv = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } });

let ipCounter = 0;
/** A client IP of its own, so registrations never meet the per-IP rate limit. */
function freshIp(): string {
  ipCounter += 1;
  return `10.200.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

/** POSTs sync requests to the app with this Bearer token. */
export function appTransport(app: InProcessApp, token: string): SyncTransport {
  const ip = freshIp();
  return async (request) =>
    app.request(
      SYNC_PATH,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(request),
      },
      connEnv(ip),
    );
}

let emailCounter = 0;
/** Registers a fresh user and resolves its access token. */
export async function registerUser(app: InProcessApp): Promise<string> {
  emailCounter += 1;
  const email = `device${emailCounter}.${Math.random().toString(36).slice(2, 8)}@example.com`;
  const res = await app.request(
    '/api/auth/register',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'correct horse battery staple' }),
    },
    connEnv(freshIp()),
  );
  if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export interface DeviceOptions {
  /** Talk to this app with this token, unless `transport` is given. */
  app?: InProcessApp;
  token?: string;
  transport?: SyncTransport;
  /** The database name; unique per device (and per test). */
  name: string;
  /** The device's wall clock (default Date.now): skew it to test drift. */
  now?: () => number;
  /** Passed on to the engine. */
  pullLimit?: number;
  batchCells?: number;
  onProgress?: SyncEngineOptions['onProgress'];
}

export interface Device {
  name: string;
  db: PybDatabase;
  engine: SyncEngine;
  sync(): Promise<SyncOutcome>;
  /** Deletes the database. */
  destroy(): Promise<void>;
}

export function createDevice(options: DeviceOptions): Device {
  const { name, now = Date.now } = options;
  const transport = options.transport ?? defaultTransport(options);
  const db = openDatabase(name, { now });
  const engineOptions: SyncEngineOptions = { db, transport, now };
  if (options.pullLimit !== undefined) engineOptions.pullLimit = options.pullLimit;
  if (options.batchCells !== undefined) engineOptions.batchCells = options.batchCells;
  if (options.onProgress) engineOptions.onProgress = options.onProgress;
  const engine = createSyncEngine(engineOptions);
  return {
    name,
    db,
    engine,
    sync: () => engine.syncOnce(),
    async destroy() {
      await db.delete({ disableAutoOpen: false });
      db.close();
    },
  };
}

function defaultTransport({ app, token }: DeviceOptions): SyncTransport {
  if (!app || token === undefined)
    throw new Error('createDevice needs app and token, or transport');
  return appTransport(app, token);
}

/** Syncs devices in turn until a round changes nothing anywhere; resolves the rounds run. */
export async function syncUntilQuiet(devices: readonly Device[], maxRounds = 10): Promise<number> {
  for (let round = 1; round <= maxRounds; round += 1) {
    let moved = 0;
    for (const device of devices) {
      const outcome = await device.sync();
      if (outcome.kind !== 'synced') throw new Error(`${device.name}: ${JSON.stringify(outcome)}`);
      moved += outcome.pushed + outcome.pulled;
    }
    if (moved === 0) return round;
  }
  throw new Error(`no quiescence after ${maxRounds} rounds`);
}
