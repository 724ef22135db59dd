import { afterEach, describe, expect, it } from 'vitest';
import { NotSignedInError, retryAfterSeconds, send } from './http';
import { createHarness, signedIn, type Harness } from './test-support/harness';

let h: Harness;
afterEach(async () => {
  await h.close();
});

const bearerOf = (h: Harness, path: string) =>
  h.browser.calls.filter((call) => call.path === path).map((call) => call.authorization);

describe('authorizedFetch', () => {
  it('sends the Bearer token', async () => {
    h = await createHarness();
    await signedIn(h);
    const response = await h.client.authorizedFetch('/api/account');
    expect(response.status).toBe(200);
    expect(bearerOf(h, '/api/account')).toEqual([
      `Bearer ${await h.client.session.getAccessToken()}`,
    ]);
  });

  it('renews once and retries once when the token is refused', async () => {
    h = await createHarness();
    await signedIn(h);
    const old = await h.client.session.getAccessToken();
    // The server's clock runs past the token's life (and the 30 s tolerance); this
    // device's does not, so it still thinks the token fresh.
    h.clock.skew = 16 * 60_000;
    const response = await h.client.authorizedFetch('/api/account');
    expect(response.status).toBe(200);
    const sent = bearerOf(h, '/api/account');
    expect(sent).toHaveLength(2);
    expect(sent[0]).toBe(`Bearer ${old}`);
    expect(sent[1]).not.toBe(`Bearer ${old}`);
    expect(h.browser.count('/api/auth/refresh')).toBe(1);
  });

  it('asks to sign in again when the renewed token is refused too', async () => {
    h = await createHarness();
    await signedIn(h);
    // The token is refused (the server's clock is past its life), the renewal is answered,
    // and right then the login is ended everywhere from another device: the renewed token
    // is refused too.
    h.clock.skew = 16 * 60_000;
    h.browser.intercept = async (path, forward) => {
      const answer = await forward();
      if (path === '/api/auth/refresh') {
        const phone = await h.otherDevice('ann@example.com');
        await h.request('POST', '/api/auth/logout-all', phone.accessToken);
      }
      return answer;
    };
    const response = await h.client.authorizedFetch('/api/account');
    expect(response.status).toBe(401);
    expect(h.browser.calls.map((c) => c.path).slice(-3)).toEqual([
      '/api/account',
      '/api/auth/refresh',
      '/api/account',
    ]);
    expect(h.client.session.getSnapshot()).toMatchObject({
      status: 'sign-in-required',
      reason: 'rejected',
    });
  });

  it('returns a 401 about the request (wrong password) without renewing', async () => {
    h = await createHarness();
    await signedIn(h);
    const result = await h.client.api.deleteAccount({ password: 'wrong password' });
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'http', status: 401, code: 'invalid_credentials' },
    });
    expect(h.browser.count('/api/auth/refresh')).toBe(0);
    expect(h.client.session.getSnapshot()).toMatchObject({ status: 'signed-in' });
  });

  it('throws NotSignedInError without a session; the API reports it as signed-out', async () => {
    h = await createHarness();
    await expect(h.client.authorizedFetch('/api/account')).rejects.toBeInstanceOf(NotSignedInError);
    expect(await h.client.api.account()).toEqual({ ok: false, failure: { kind: 'signed-out' } });
    expect(h.browser.calls).toEqual([]);
  });

  it('reports a failed network as offline, not as an answer', async () => {
    h = await createHarness();
    await signedIn(h);
    h.browser.offline = true;
    expect(await h.client.api.account()).toEqual({ ok: false, failure: { kind: 'offline' } });
    expect(h.client.session.getSnapshot()).toMatchObject({
      status: 'signed-in',
      network: 'offline',
    });
  });
});

describe('send', () => {
  it('reads the error code, message and Retry-After of an error answer', async () => {
    const answer = new Response(
      JSON.stringify({ error: { code: 'rate_limited', message: 'Slow down' } }),
      { status: 429, headers: { 'Retry-After': '42' } },
    );
    const result = await send(
      async () => answer,
      '/x',
      {},
      async () => 1,
    );
    expect(result).toEqual({
      ok: false,
      failure: {
        kind: 'http',
        status: 429,
        code: 'rate_limited',
        message: 'Slow down',
        retryAfter: 42,
      },
    });
  });

  it('calls a success with an unexpected body a bad response', async () => {
    const result = await send(
      async () => new Response('<html>'),
      '/x',
      {},
      async () => undefined,
    );
    expect(result).toEqual({ ok: false, failure: { kind: 'bad-response', status: 200 } });
  });

  it.each([
    ['120', 120],
    [' 7 ', 7],
    ['Wed, 01 Jul 2026 09:31:00 GMT', 60],
    ['soon', null],
    [null, null],
  ])('Retry-After %j is %j seconds', (header, seconds) => {
    expect(retryAfterSeconds(header, Date.UTC(2026, 6, 1, 9, 30))).toBe(seconds);
  });
});
