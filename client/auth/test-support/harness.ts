// A fresh database, real server and auth client per test, with a clock and the
// `online`/`offline` events under the test's control. The server is the real app in
// process (server/test-support/fixture.ts: real SQLite, real keys, real refresh rotation),
// reached through a browser-like fetch with a cookie jar (browser-fetch.ts), so the
// client's session rules and the server's refresh rules are tested together.
import { login, PASSWORD, register, send } from '../../../server/test-support/auth-client';
import { createTestApp, type TestApp } from '../../../server/test-support/fixture';
import { SAMPLE_ROWS } from '../../../shared/test-support/sample-rows';
import { openDatabase, type PybDatabase } from '../../db/db';
import { createAuthClient, type AuthClient } from '../auth-client';
import type { Locks } from '../refresh-lock';
import { createBrowserFetch, type BrowserFetch } from './browser-fetch';

export { PASSWORD };

/** The browser's and the server's clocks: `skew` puts the server ahead of the device. */
export interface Clocks {
  now: number;
  skew: number;
}

export interface Harness {
  db: PybDatabase;
  server: TestApp;
  browser: BrowserFetch;
  client: AuthClient;
  clock: Clocks;
  network: EventTarget & { online: boolean };
  /** Another tab (or the same tab after a reload): a new client on the same database. */
  reload(): AuthClient;
  /** Registers an account on the server, not in this browser; resolves its id. */
  addUser(email: string, password?: string): Promise<string>;
  /** Signs `email` in on another device (its own cookie jar) and resolves its session. */
  otherDevice(email: string, password?: string): ReturnType<typeof login>;
  /** A Bearer request from another device. */
  request(method: string, path: string, bearer: string): Promise<Response>;
  close(): Promise<void>;
}

let counter = 0;

export async function createHarness(options: { locks?: Locks | null } = {}): Promise<Harness> {
  const db = openDatabase(`auth-${++counter}`);
  await db.open();
  const clock: Clocks = { now: Date.UTC(2026, 5, 1, 9, 30), skew: 0 };
  const server = await createTestApp({ clock: { now: () => clock.now + clock.skew } });
  const browser = createBrowserFetch(server.app, () => clock.now);
  const network = Object.assign(new EventTarget(), { online: true });
  const clients: AuthClient[] = [];
  const make = () => {
    const client = createAuthClient({
      db,
      fetch: browser.fetch,
      now: () => clock.now,
      locks: options.locks ?? null,
      events: network,
      isOnline: () => network.online,
    });
    clients.push(client);
    return client;
  };
  const client = make();
  return {
    db,
    server,
    browser,
    client,
    clock,
    network,
    reload: make,
    addUser: async (email, password = PASSWORD) =>
      (await register(server.app, email, password)).user.id,
    otherDevice: (email, password = PASSWORD) => login(server.app, email, password),
    request: (method, path, bearer) => send(server.app, method, path, { bearer }),
    async close() {
      for (const c of clients) c.session.stop();
      await db.delete({ disableAutoOpen: false });
      db.close();
      server.close();
    },
  };
}

/** Signs up `email` through the browser and stores the account (no local data question). */
export async function signedIn(h: Harness, email = 'ann@example.com'): Promise<string> {
  const { completeSignIn } = await import('../sign-in');
  const answer = await h.client.api.register({ email, password: PASSWORD });
  if (!answer.ok) throw new Error(`register failed: ${JSON.stringify(answer.failure)}`);
  await completeSignIn(h.client, answer.value, () => Promise.reject(new Error('asked')));
  return answer.value.user.id;
}

/** A row the user made on this device. */
export async function addOwnItem(db: PybDatabase, id = 'mine'): Promise<void> {
  await db.items.add({ ...SAMPLE_ROWS.items, id });
}

/** Lets pending promise callbacks and Dexie live queries run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
