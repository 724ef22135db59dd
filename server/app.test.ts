import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-support/fixture';

describe('createApp', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('GET /api/health answers ok with the version', async () => {
    t = await createTestApp();
    const res = await t.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: '9.9.9-test' });
  });

  it('GET /api/health answers 503 when the database does not answer', async () => {
    t = await createTestApp();
    t.db.close();
    const res = await t.app.request('/api/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: { code: 'service_unavailable', message: expect.any(String) },
    });
  });

  it.each(['/api/nope', '/api', '/api/trips/1', '/api/health/extra'])(
    'unknown API route %s is a JSON 404, never the app shell',
    async (path) => {
      t = await createTestApp();
      const res = await t.app.request(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    },
  );

  it('POST to a GET route is a JSON 404 too', async () => {
    t = await createTestApp();
    const res = await t.app.request('/api/health', { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('sends the security headers on every response', async () => {
    t = await createTestApp();
    for (const path of ['/api/health', '/api/nope']) {
      const res = await t.app.request(path);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('adds HSTS when the public URL is https', async () => {
    t = await createTestApp({ env: { PYB_PUBLIC_URL: 'https://pack.example.com' } });
    const res = await t.app.request('/api/health');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('logs one structured line per request, without query strings or headers', async () => {
    t = await createTestApp();
    await t.app.request('/api/health?token=secret-value', {
      headers: { authorization: 'Bearer secret-value', cookie: 'pyb_rt=secret-value' },
    });
    const lines = t.logLines().filter((l) => l['msg'] === 'request');
    expect(lines).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/api/health',
        status: 200,
        reqId: expect.any(String),
      }),
    ]);
    expect(JSON.stringify(t.logLines())).not.toContain('secret-value');
  });
});
