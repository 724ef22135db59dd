// The built server behind Debian's Caddy with deploy/Caddyfile and Caddy's
// internal CA (`tls internal`), over real HTTPS on loopback: sign-up and sync,
// the Secure refresh cookie, HSTS, /metrics kept private, and which client the
// sign-in rate limit counts with and without PYB_TRUST_PROXY. Distinct clients
// are distinct loopback addresses (127.0.0.2, 127.0.0.3) that Caddy sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../shared/hlc';
import { PROTOCOL_VERSION } from '../shared/protocol';
import { SAMPLE_ROWS } from '../shared/test-support/sample-rows';
import { httpsRequest, type HttpsOptions } from './support/https-client';
import { freePort, startBuiltServer, type TestServer } from './support/server';
import { startCaddy, type Caddy } from './support/services';

/** docs/api.md "Limits": 10 sign-in attempts a minute per client. */
const LOGIN_LIMIT = 10;

function behindCaddy(env: Record<string, string>) {
  const ctx = {} as { server: TestServer; caddy: Caddy };
  beforeAll(async () => {
    const port = await freePort();
    ctx.server = await startBuiltServer({
      env: { PYB_PUBLIC_URL: `https://localhost:${port}`, ...env },
    });
    ctx.caddy = await startCaddy(port, new URL(ctx.server.url).host);
  });
  afterAll(async () => {
    await ctx.caddy?.stop();
    expect(await ctx.server?.close()).toBe(0);
  });
  const call = (path: string, options?: HttpsOptions) => httpsRequest(ctx.caddy, path, options);
  /** A malformed sign-in: cheap (no password hash), yet counted by the rate limit. */
  const attempt = (from: string, headers: Record<string, string> = {}) =>
    call('/api/auth/login', { method: 'POST', body: {}, from, headers }).then((r) => r.status);
  return { ctx, call, attempt };
}

describe('behind Caddy with PYB_TRUST_PROXY=true', () => {
  const { ctx, call, attempt } = behindCaddy({ PYB_TRUST_PROXY: 'true' });

  it('signs up and syncs over https with a Secure refresh cookie and HSTS', async () => {
    const signUp = await call('/api/auth/register', {
      method: 'POST',
      body: { email: 'tls@example.com', password: 'correct horse battery' },
    });
    expect(signUp.status).toBe(201);
    const cookie = String(signUp.headers['set-cookie']);
    expect(cookie).toMatch(/^pyb_rt=/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(signUp.headers['strict-transport-security']).toMatch(/max-age=31536000/);

    const { accessToken } = JSON.parse(signUp.text) as { accessToken: string };
    const node = '00000000000000aa';
    const stamp = formatHlc({ millis: Date.now(), counter: 0, node });
    const item = SAMPLE_ROWS.items;
    const changes = Object.entries(item)
      .filter(([field]) => field !== 'id')
      .map(([field, value]) => ({ table: 'items', id: item.id, field, value, hlc: stamp }));
    const sync = (body: object) =>
      call('/api/sync', {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}` },
        body: { protocol: PROTOCOL_VERSION, since: '', ...body },
      });
    const push = await sync({ nodeId: node, changes });
    expect(push.status).toBe(200);
    const pull = await sync({ nodeId: '00000000000000bb', changes: [] });
    expect(pull.status).toBe(200);
    const pulled = JSON.parse(pull.text) as {
      changes: { id: string; field: string; value: unknown }[];
    };
    expect(pulled.changes).toContainEqual(
      expect.objectContaining({ id: item.id, field: 'name', value: item.name }),
    );

    const refresh = await call('/api/auth/refresh', {
      method: 'POST',
      body: {},
      headers: { cookie: cookie.split(';')[0] ?? '' },
    });
    expect(refresh.status).toBe(200);
    expect(String(refresh.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('keeps /metrics private: 404 through Caddy and at the app without a token', async () => {
    expect((await call('/metrics')).status).toBe(404);
    expect((await fetch(new URL('/metrics', ctx.server.url))).status).toBe(404);
    expect(ctx.server.output()).toMatch(/\/metrics is off \(404\)/);
  });

  it('counts the real client for the rate limit, and a forged X-Forwarded-For does not escape it', async () => {
    for (let i = 0; i < LOGIN_LIMIT; i++) expect(await attempt('127.0.0.2')).toBe(400);
    expect(await attempt('127.0.0.2')).toBe(429);
    // Caddy replaces what the client claims; the app reads the address Caddy appended.
    expect(await attempt('127.0.0.2', { 'x-forwarded-for': '203.0.113.9' })).toBe(429);
    // Another client, behind the same proxy, is not held back.
    expect(await attempt('127.0.0.3')).toBe(400);
  });
});

describe('behind Caddy without PYB_TRUST_PROXY', () => {
  const { attempt } = behindCaddy({});

  it('counts the proxy as the client, and a forged X-Forwarded-For changes nothing', async () => {
    for (let i = 0; i < LOGIN_LIMIT; i++) expect(await attempt('127.0.0.2')).toBe(400);
    // Every request comes from Caddy, so another client shares the proxy's bucket…
    expect(await attempt('127.0.0.3')).toBe(429);
    // …and no header a client sends gets it out.
    expect(await attempt('127.0.0.3', { 'x-forwarded-for': '198.51.100.7' })).toBe(429);
  });
});
