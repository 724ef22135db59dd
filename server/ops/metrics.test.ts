import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/fixture';

const fromSocket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

describe('GET /metrics', () => {
  let t: TestApp | undefined;
  afterEach(() => t?.close());

  it('serves Prometheus text to loopback clients with request, sync and auth figures', async () => {
    t = await createTestApp();
    await t.app.request('/api/health');
    await t.app.request(
      '/api/auth/login',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@example.com', password: 'whatever1' }),
      },
      fromSocket('127.0.0.1'),
    );
    const res = await t.app.request('/metrics', {}, fromSocket('127.0.0.1'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toMatch(
      /pyb_http_requests_total\{method="GET",route="\/api\/health",status="200"\} 1/,
    );
    expect(text).toMatch(/pyb_auth_events_total\{event="login_failed"\} 1/);
    expect(text).toContain('pyb_http_request_duration_seconds_bucket');
  });

  it('tells every caller its own handling time in Server-Timing, errors included', async () => {
    t = await createTestApp();
    for (const [path, status] of [
      ['/api/health', 200],
      ['/api/no-such-route', 404],
    ] as const) {
      const res = await t.app.request(path);
      expect(res.status).toBe(status);
      const match = /^app;dur=(\d+\.\d)$/.exec(res.headers.get('server-timing') ?? '');
      expect(match, path).not.toBeNull();
      expect(Number(match?.[1])).toBeGreaterThanOrEqual(0);
    }
  });

  it('is not there for other clients when no token is set', async () => {
    t = await createTestApp();
    expect((await t.app.request('/metrics', {}, fromSocket('203.0.113.9'))).status).toBe(404);
    // A forwarded header cannot make a remote client look local.
    const spoofed = await t.app.request(
      '/metrics',
      { headers: { 'x-forwarded-for': '127.0.0.1' } },
      fromSocket('203.0.113.9'),
    );
    expect(spoofed.status).toBe(404);
  });

  it('needs the bearer token when PYB_METRICS_TOKEN is set, even from loopback', async () => {
    const token = 'a-long-metrics-token-1234';
    t = await createTestApp({ env: { PYB_METRICS_TOKEN: token } });
    expect((await t.app.request('/metrics', {}, fromSocket('127.0.0.1'))).status).toBe(401);
    const wrong = { headers: { authorization: 'Bearer nope' } };
    expect((await t.app.request('/metrics', wrong, fromSocket('127.0.0.1'))).status).toBe(401);
    const right = { headers: { authorization: `Bearer ${token}` } };
    expect((await t.app.request('/metrics', right, fromSocket('203.0.113.9'))).status).toBe(200);
  });
});

describe('GET /metrics gauges and proxies', () => {
  let t: TestApp | undefined;
  afterEach(() => t?.close());

  it('reports database and WAL size at scrape time and the backup gauges', async () => {
    t = await createTestApp();
    const text = await (await t.app.request('/metrics', {}, fromSocket('127.0.0.1'))).text();
    const size = Number(/^pyb_database_size_bytes (\d+)$/m.exec(text)?.[1]);
    expect(size).toBeGreaterThan(0);
    expect(text).toMatch(/^pyb_database_wal_size_bytes \d+$/m);
    expect(text).toMatch(/^pyb_backup_last_success_timestamp_seconds 0$/m);
    expect(text).toMatch(/^pyb_backup_failures_total 0$/m);
  });

  it('is off behind a proxy (PYB_TRUST_PROXY) without a token, even from loopback', async () => {
    t = await createTestApp({ env: { PYB_TRUST_PROXY: 'true' } });
    expect((await t.app.request('/metrics', {}, fromSocket('127.0.0.1'))).status).toBe(404);
    // The proxy's request for an internet client, with that client's address appended.
    const forwarded = { headers: { 'x-forwarded-for': '203.0.113.9' } };
    expect((await t.app.request('/metrics', forwarded, fromSocket('127.0.0.1'))).status).toBe(404);
  });

  it('is served behind a proxy with the bearer token', async () => {
    const token = 'a-long-metrics-token-1234';
    t = await createTestApp({ env: { PYB_TRUST_PROXY: 'true', PYB_METRICS_TOKEN: token } });
    const right = { headers: { authorization: `Bearer ${token}` } };
    expect((await t.app.request('/metrics', right, fromSocket('127.0.0.1'))).status).toBe(200);
  });
});
