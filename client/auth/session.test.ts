import { afterEach, describe, expect, it } from 'vitest';
import { SYNCED_TABLES } from '../db/types';
import { readAccount } from './account-meta';
import type { Locks } from './refresh-lock';
import { RENEW_MARGIN_MS } from './access-token';
import { addOwnItem, createHarness, settle, signedIn, type Harness } from './test-support/harness';

let h: Harness;
afterEach(async () => {
  await h.close();
});

const REFRESH = '/api/auth/refresh';

/** Everything IndexedDB holds, as one string to search. */
async function storedText(h: Harness): Promise<string> {
  const tables = [...SYNCED_TABLES, 'outbox', 'meta'] as const;
  const rows = await Promise.all(tables.map((t) => h.db.table(t).toArray()));
  return JSON.stringify(rows);
}

describe('session: the access token', () => {
  it('lives in memory only; the stored account is who and since when', async () => {
    h = await createHarness();
    const userId = await signedIn(h);
    const token = await h.client.session.getAccessToken();
    expect(token).toMatch(/^at-/);
    expect(await storedText(h)).not.toContain(token);
    expect(await readAccount(h.db)).toEqual({
      id: userId,
      email: 'ann@example.com',
      signedInAt: new Date(h.clock.now).toISOString(),
    });
  });

  it('is renewed with the cookie after a reload, and the app knows it is signed in', async () => {
    h = await createHarness();
    await signedIn(h);
    const tab = h.reload();
    await tab.session.start();
    expect(tab.session.getSnapshot()).toMatchObject({ status: 'signed-in' });
    expect(await tab.session.getAccessToken()).toMatch(/^at-/);
    expect(tab.session.getSnapshot()).toMatchObject({ status: 'signed-in', network: 'online' });
  });

  it('is renewed once less than a minute of its life is left, not before', async () => {
    h = await createHarness();
    await signedIn(h);
    const first = await h.client.session.getAccessToken();
    h.clock.now += 900_000 - RENEW_MARGIN_MS - 1000;
    expect(await h.client.session.getAccessToken()).toBe(first);
    expect(h.server.count(REFRESH)).toBe(0);
    h.clock.now += 2000;
    const second = await h.client.session.getAccessToken();
    expect(second).not.toBe(first);
    expect(h.server.count(REFRESH)).toBe(1);
  });

  it('is renewed by one request when two callers need it at once (single flight)', async () => {
    const requested: string[] = [];
    const locks: Locks = {
      request: (name, callback) => (requested.push(name), callback()),
    };
    h = await createHarness({ locks });
    await signedIn(h);
    h.clock.now += 900_000;
    let open = () => undefined as unknown;
    h.server.refreshGate = new Promise((resolve) => (open = resolve));
    const both = Promise.all([
      h.client.session.getAccessToken(),
      h.client.session.getAccessToken(),
    ]);
    await settle();
    open();
    const [a, b] = await both;
    expect(a).toBe(b);
    expect(h.server.count(REFRESH)).toBe(1);
    expect(requested).toEqual(['pyb-auth-refresh']);
  });
});

describe('session: when renewal fails', () => {
  it.each([
    ['invalid_refresh', 'session-ended'],
    ['refresh_reused', 'session-reused'],
  ] as const)('a 401 %s asks to sign in again and keeps all local data', async (code, reason) => {
    h = await createHarness();
    await signedIn(h);
    await addOwnItem(h.db);
    const unsynced = await h.db.outbox.count();
    expect(unsynced).toBeGreaterThan(0);
    h.clock.now += 900_000;
    h.server.refreshMode = code;
    expect(await h.client.session.getAccessToken()).toBeNull();
    expect(h.client.session.getSnapshot()).toMatchObject({
      status: 'sign-in-required',
      reason,
      user: { email: 'ann@example.com' },
    });
    expect(await h.db.items.count()).toBe(1);
    expect(await h.db.outbox.count()).toBe(unsynced);
    expect(await readAccount(h.db)).not.toBeNull();
  });

  it('stays signed in when offline, works without a token, renews when back online', async () => {
    h = await createHarness();
    await signedIn(h);
    h.clock.now += 5 * 24 * 3600_000;
    h.server.offline = true;
    expect(await h.client.session.getAccessToken()).toBeNull();
    expect(h.client.session.getSnapshot()).toMatchObject({
      status: 'signed-in',
      network: 'offline',
    });

    h.server.offline = false;
    h.network.dispatchEvent(new Event('online'));
    await settle();
    expect(h.client.session.getSnapshot()).toMatchObject({
      status: 'signed-in',
      network: 'online',
    });
    expect(await h.client.session.getAccessToken()).toMatch(/^at-/);
    expect(h.server.count(REFRESH)).toBe(2);
  });

  it('does not even try while the browser says it is offline', async () => {
    h = await createHarness();
    await signedIn(h);
    h.clock.now += 900_000;
    h.network.online = false;
    h.network.dispatchEvent(new Event('offline'));
    expect(await h.client.session.getAccessToken()).toBeNull();
    expect(h.server.count(REFRESH)).toBe(0);
    expect(h.client.session.getSnapshot()).toMatchObject({ network: 'offline' });
  });

  it('keeps the session through a server error, marked unavailable', async () => {
    h = await createHarness();
    await signedIn(h);
    h.clock.now += 900_000;
    h.server.refreshMode = 'server_error';
    expect(await h.client.session.getAccessToken()).toBeNull();
    expect(h.client.session.getSnapshot()).toMatchObject({
      status: 'signed-in',
      network: 'unavailable',
    });
  });

  it('never adopts a renewal for another user', async () => {
    h = await createHarness();
    await signedIn(h);
    h.server.cookie = h.server.addUser('bob@example.com', 'password2');
    h.clock.now += 900_000;
    expect(await h.client.session.getAccessToken()).toBeNull();
    expect(h.client.session.getSnapshot()).toMatchObject({
      status: 'sign-in-required',
      reason: 'rejected',
    });
  });
});

describe('session: other tabs', () => {
  it('follows a sign-out made in another tab', async () => {
    h = await createHarness();
    await signedIn(h);
    await h.client.session.start();
    const other = h.reload();
    await other.session.start();
    await h.db.meta.delete('account');
    await settle();
    expect(h.client.session.getSnapshot()).toEqual({ status: 'signed-out' });
    expect(await h.client.session.getAccessToken()).toBeNull();
  });
});
