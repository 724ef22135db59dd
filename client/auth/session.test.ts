import { afterEach, describe, expect, it } from 'vitest';
import { SYNCED_TABLES } from '../db/types';
import { readAccount } from './account-meta';
import type { Locks } from './refresh-lock';
import { RENEW_MARGIN_MS } from './access-token';
import { refresh, refreshOutcome } from '../../server/test-support/auth-client';
import {
  addOwnItem,
  createHarness,
  PASSWORD,
  settle,
  signedIn,
  type Harness,
} from './test-support/harness';

let h: Harness;
afterEach(async () => {
  await h.close();
});

const REFRESH = '/api/auth/refresh';
const JWT = /^ey[\w-]+\.[\w-]+\.[\w-]+$/;

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
    expect(token).toMatch(JWT);
    expect(await storedText(h)).not.toContain(token);
    expect(await storedText(h)).not.toContain(h.browser.cookie());
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
    expect(await tab.session.getAccessToken()).toMatch(JWT);
    expect(tab.session.getSnapshot()).toMatchObject({ status: 'signed-in', network: 'online' });
  });

  it('is renewed once less than a minute of its life is left, not before', async () => {
    h = await createHarness();
    await signedIn(h);
    const first = await h.client.session.getAccessToken();
    h.clock.now += 900_000 - RENEW_MARGIN_MS - 1000;
    expect(await h.client.session.getAccessToken()).toBe(first);
    expect(h.browser.count(REFRESH)).toBe(0);
    h.clock.now += 2000;
    const second = await h.client.session.getAccessToken();
    expect(second).not.toBe(first);
    expect(h.browser.count(REFRESH)).toBe(1);
  });

  it('is renewed by one request when two callers need it at once (single flight)', async () => {
    const requested: string[] = [];
    const locks: Locks = {
      request: (name, callback) => (requested.push(name), callback()),
    };
    h = await createHarness({ locks });
    await signedIn(h);
    h.clock.now += 900_000;
    let open = (): void => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    h.browser.intercept = async (path, forward) => {
      if (path === REFRESH) await gate;
      return forward();
    };
    const both = Promise.all([
      h.client.session.getAccessToken(),
      h.client.session.getAccessToken(),
    ]);
    await settle();
    open();
    const [a, b] = await both;
    expect(a).toBe(b);
    expect(h.browser.count(REFRESH)).toBe(1);
    expect(requested).toEqual(['pyb-auth-refresh']);
  });
});

describe('session: when renewal fails', () => {
  // Real ways for a login to end while this device is away: signed out everywhere from
  // another device, or its refresh cookie stolen and used by someone else first.
  const endings = {
    invalid_refresh: async (h: Harness) => {
      const phone = await h.otherDevice('ann@example.com');
      expect((await h.request('POST', '/api/auth/logout-all', phone.accessToken)).status).toBe(204);
    },
    refresh_reused: async (h: Harness) => {
      const stolen = h.browser.cookie() ?? '';
      expect(await refreshOutcome(h.server.app, stolen)).toBe('ok');
    },
  };
  it.each([
    ['invalid_refresh', 'session-ended'],
    ['refresh_reused', 'session-reused'],
  ] as const)('a 401 %s asks to sign in again and keeps all local data', async (code, reason) => {
    h = await createHarness();
    await signedIn(h);
    await addOwnItem(h.db);
    const unsynced = await h.db.outbox.count();
    expect(unsynced).toBeGreaterThan(0);
    await endings[code](h);
    h.clock.now += 900_000;
    const refused = h.browser.calls.length;
    expect(await h.client.session.getAccessToken()).toBeNull();
    expect(h.browser.calls.slice(refused).map((c) => c.path)).toEqual([REFRESH]);
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
    h.browser.offline = true;
    expect(await h.client.session.getAccessToken()).toBeNull();
    expect(h.client.session.getSnapshot()).toMatchObject({
      status: 'signed-in',
      network: 'offline',
    });

    h.browser.offline = false;
    h.network.dispatchEvent(new Event('online'));
    await settle();
    expect(h.client.session.getSnapshot()).toMatchObject({
      status: 'signed-in',
      network: 'online',
    });
    expect(await h.client.session.getAccessToken()).toMatch(JWT);
    expect(h.browser.count(REFRESH)).toBe(2);
  });

  it('does not even try while the browser says it is offline', async () => {
    h = await createHarness();
    await signedIn(h);
    h.clock.now += 900_000;
    h.network.online = false;
    h.network.dispatchEvent(new Event('offline'));
    expect(await h.client.session.getAccessToken()).toBeNull();
    expect(h.browser.count(REFRESH)).toBe(0);
    expect(h.client.session.getSnapshot()).toMatchObject({ network: 'offline' });
  });

  it('keeps the session through a server error, marked unavailable', async () => {
    h = await createHarness();
    await signedIn(h);
    h.clock.now += 900_000;
    // The proxy in front answers: the app itself has no way to be made to send a 503.
    h.browser.intercept = async (path, forward) =>
      path === REFRESH
        ? new Response('<h1>503 Service Unavailable</h1>', { status: 503 })
        : forward();
    expect(await h.client.session.getAccessToken()).toBeNull();
    expect(h.client.session.getSnapshot()).toMatchObject({
      status: 'signed-in',
      network: 'unavailable',
    });
  });

  it('never adopts a renewal for another user', async () => {
    h = await createHarness();
    await signedIn(h);
    // Bob signs in in another tab of the same browser: the cookie jar now holds his login.
    await h.addUser('bob@example.com');
    const bob = await h.client.api.login({ email: 'bob@example.com', password: PASSWORD });
    expect(bob.ok).toBe(true);
    h.clock.now += 900_000;
    expect(await h.client.session.getAccessToken()).toBeNull();
    expect(h.client.session.getSnapshot()).toMatchObject({
      status: 'sign-in-required',
      reason: 'rejected',
    });
  });
});

describe('session: the server’s refresh rotation, seen from the client', () => {
  /**
   * Two tabs renew at the same moment. Without a cross-tab lock (locks: null) both requests
   * leave with the same cookie; the second reaches the server `gapMs` after the first was
   * answered. Resolves each tab's token.
   */
  async function racingTabs(h: Harness, gapMs: number) {
    const other = h.reload();
    // A new tab renews at once (its token is in memory only): wait for that first.
    expect(await other.session.getAccessToken()).toMatch(JWT);
    h.clock.now += 900_000;
    const waiting: (() => void)[] = [];
    h.browser.intercept = async (path, forward) => {
      if (path === REFRESH) await new Promise<void>((resolve) => waiting.push(resolve));
      return forward();
    };
    const mine = h.client.session.getAccessToken();
    await settle();
    const theirs = other.session.getAccessToken();
    await settle();
    expect(waiting).toHaveLength(2);
    waiting[0]?.();
    const first = await mine;
    h.clock.now += gapMs;
    waiting[1]?.();
    const second = await theirs;
    h.browser.intercept = null;
    return { other, first, second };
  }
  const accountStatus = async (h: Harness, client = h.client) =>
    (await client.authorizedFetch('/api/account')).status;

  it('each renewal rotates the refresh cookie, and the previous one is then refused', async () => {
    h = await createHarness();
    await signedIn(h);
    const first = h.browser.cookie();
    h.clock.now += 900_000;
    await h.client.session.getAccessToken();
    const second = h.browser.cookie();
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    h.clock.now += 900_000;
    expect(await h.client.session.getAccessToken()).toMatch(JWT);
    expect(h.browser.cookie()).not.toBe(second);
    expect(h.browser.count(REFRESH)).toBe(2);
    // The first cookie, presented again long after its rotation, is reuse.
    expect(await refreshOutcome(h.server.app, first ?? '')).toBe('refresh_reused');
  });

  it('two tabs renewing with the same cookie within 10 s both stay signed in (grace)', async () => {
    h = await createHarness();
    await signedIn(h);
    const { other, first, second } = await racingTabs(h, 9_000);
    expect(first).toMatch(JWT);
    expect(second, 'the second tab is renewed too').not.toBeNull();
    expect(second).toMatch(JWT);
    for (const client of [h.client, other]) {
      expect(client.session.getSnapshot()).toMatchObject({ status: 'signed-in' });
      expect(await accountStatus(h, client)).toBe(200);
    }
    // The second answer handed out the family's live token: the login goes on.
    h.clock.now += 900_000;
    const renewals = h.browser.count(REFRESH);
    expect(await h.client.session.getAccessToken()).toMatch(JWT);
    expect(h.browser.count(REFRESH)).toBe(renewals + 1);
  });

  it('the same race past 10 s is reuse: the server ends the login for both tabs', async () => {
    h = await createHarness();
    await signedIn(h);
    const { other, first, second } = await racingTabs(h, 11_000);
    expect(first).toMatch(JWT);
    expect(second).toBeNull();
    expect(other.session.getSnapshot()).toMatchObject({
      status: 'sign-in-required',
      reason: 'session-reused',
    });
    // The whole family is revoked: the first tab's brand-new token is refused at once,
    // and so is its renewal.
    const sent = h.browser.calls.length;
    expect(await h.client.api.account()).toEqual({ ok: false, failure: { kind: 'signed-out' } });
    expect(h.browser.calls.slice(sent).map((c) => c.path)).toEqual(['/api/account', REFRESH]);
    expect(h.client.session.getSnapshot()).toMatchObject({
      status: 'sign-in-required',
      reason: 'session-ended',
    });
  });

  it('a thief who renews with a copied cookie is cut off once the owner renews', async () => {
    h = await createHarness();
    await signedIn(h);
    const stolen = h.browser.cookie() ?? '';
    const thief = await refresh(h.server.app, stolen);
    expect(thief.status).toBe(200);
    const { accessToken } = (await thief.json()) as { accessToken: string };
    expect((await h.request('GET', '/api/account', accessToken)).status).toBe(200);
    h.clock.now += 900_000;
    expect(await h.client.session.getAccessToken()).toBeNull();
    expect(h.client.session.getSnapshot()).toMatchObject({ reason: 'session-reused' });
    expect((await h.request('GET', '/api/account', accessToken)).status).toBe(401);
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
