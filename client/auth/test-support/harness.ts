// A fresh database, fake server and auth client per test, with a clock and the
// `online`/`offline` events under the test's control.
import { SAMPLE_ROWS } from '../../../shared/test-support/sample-rows';
import { openDatabase, type PybDatabase } from '../../db/db';
import { createAuthClient, type AuthClient } from '../auth-client';
import type { Locks } from '../refresh-lock';
import { createFakeServer, type FakeServer } from './fake-server';

export interface Harness {
  db: PybDatabase;
  server: FakeServer;
  client: AuthClient;
  clock: { now: number };
  network: EventTarget & { online: boolean };
  /** Another tab (or the same tab after a reload): a new client on the same database. */
  reload(): AuthClient;
  close(): Promise<void>;
}

let counter = 0;

export async function createHarness(options: { locks?: Locks | null } = {}): Promise<Harness> {
  const db = openDatabase(`auth-${++counter}`);
  await db.open();
  const server = createFakeServer();
  const clock = { now: Date.UTC(2026, 5, 1, 9, 30) };
  const network = Object.assign(new EventTarget(), { online: true });
  const clients: AuthClient[] = [];
  const make = () => {
    const client = createAuthClient({
      db,
      fetch: server.fetch,
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
    client,
    clock,
    network,
    reload: make,
    async close() {
      for (const c of clients) c.session.stop();
      await db.delete({ disableAutoOpen: false });
      db.close();
    },
  };
}

/** Signs up `email` through the fake server and stores the account (no local data question). */
export async function signedIn(h: Harness, email = 'ann@example.com'): Promise<string> {
  const { completeSignIn } = await import('../sign-in');
  const answer = await h.client.api.register({ email, password: 'correct horse' });
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
