import { afterEach, describe, expect, it } from 'vitest';
import { readAccount } from './account-meta';
import { changePassword, deleteAccount, signOut, signOutEverywhere } from './account-actions';
import { refreshOutcome } from '../../server/test-support/auth-client';
import {
  addOwnItem,
  createHarness,
  PASSWORD,
  signedIn,
  type Harness,
} from './test-support/harness';

let h: Harness;
afterEach(async () => {
  await h.close();
});

describe('signing out', () => {
  it('keeps the data by default: the device becomes a guest device with it', async () => {
    h = await createHarness();
    await signedIn(h);
    await addOwnItem(h.db);
    await h.db.meta.put({ key: 'cursor', value: 'c1' });
    const cookie = h.browser.cookie() ?? '';
    expect(await signOut(h.client, { removeData: false })).toEqual({ reachedServer: true });
    expect(await refreshOutcome(h.server.app, cookie)).toBe('invalid_refresh');
    expect(await readAccount(h.db)).toBeNull();
    expect(await h.db.meta.get('cursor')).toBeUndefined();
    expect(await h.db.items.count()).toBe(1);
    expect(h.browser.cookie()).toBeNull();
    expect(h.client.session.getSnapshot()).toEqual({ status: 'signed-out' });
    expect(await h.client.session.getAccessToken()).toBeNull();
  });

  it("removes the account's data from this device when asked", async () => {
    h = await createHarness();
    await signedIn(h);
    await addOwnItem(h.db);
    await signOut(h.client, { removeData: true });
    expect(await h.db.items.count()).toBe(0);
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('signs out on this device even offline, and says the server did not hear', async () => {
    h = await createHarness();
    await signedIn(h);
    h.browser.offline = true;
    expect(await signOut(h.client, { removeData: false })).toEqual({ reachedServer: false });
    expect(h.client.session.getSnapshot()).toEqual({ status: 'signed-out' });
  });

  it('everywhere: needs the server, then signs out here too', async () => {
    h = await createHarness();
    await signedIn(h);
    h.browser.offline = true;
    expect(await signOutEverywhere(h.client, { removeData: false })).toMatchObject({ ok: false });
    expect(h.client.session.getSnapshot()).toMatchObject({ status: 'signed-in' });
    h.browser.offline = false;
    expect(await signOutEverywhere(h.client, { removeData: false })).toEqual({
      ok: true,
      value: null,
    });
    expect(h.client.session.getSnapshot()).toEqual({ status: 'signed-out' });
  });
});

describe('changing the password', () => {
  it("adopts the new session's token", async () => {
    h = await createHarness();
    await signedIn(h);
    const before = await h.client.session.getAccessToken();
    const result = await changePassword(h.client, {
      currentPassword: PASSWORD,
      newPassword: 'battery staple',
    });
    expect(result.ok).toBe(true);
    const after = await h.client.session.getAccessToken();
    expect(after).not.toBe(before);
    expect((await h.client.authorizedFetch('/api/account')).status).toBe(200);
    expect(h.browser.count('/api/auth/refresh')).toBe(0);
  });

  it('reports a wrong current password and stays signed in', async () => {
    h = await createHarness();
    await signedIn(h);
    const result = await changePassword(h.client, {
      currentPassword: 'not it at all',
      newPassword: 'battery staple',
    });
    expect(result).toMatchObject({ ok: false, failure: { code: 'invalid_credentials' } });
    expect(h.client.session.getSnapshot()).toMatchObject({ status: 'signed-in' });
  });
});

describe('deleting the account', () => {
  it('signs out and keeps the data on this device as guest data', async () => {
    h = await createHarness();
    await signedIn(h);
    await addOwnItem(h.db);
    expect(await deleteAccount(h.client, { password: PASSWORD })).toEqual({
      ok: true,
      value: null,
    });
    expect(await readAccount(h.db)).toBeNull();
    expect(await h.db.items.count()).toBe(1);
    expect(h.client.session.getSnapshot()).toEqual({ status: 'signed-out' });
  });
});

describe('export', () => {
  it('returns the JSON text the server sent', async () => {
    h = await createHarness();
    await signedIn(h);
    const result = await h.client.api.exportAccount();
    expect(result.ok && JSON.parse(result.value)).toMatchObject({ user: {}, tables: {} });
  });
});
