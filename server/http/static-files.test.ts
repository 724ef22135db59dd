import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, tempDir, type TestApp } from '../test-support/fixture';

// A miniature client build with the same file names vite-plugin-pwa produces.
const files: Record<string, string> = {
  'index.html': '<!doctype html><title>PackYourBag</title><div id="root"></div>',
  'sw.js': 'self.addEventListener("install", () => {});',
  'manifest.webmanifest': '{"name":"PackYourBag"}',
  'assets/index-AbC123.js': 'console.log(1)',
  'workbox-5a4b3c2d.js': '/* workbox */',
  'icons/icon-192.png': 'png',
};

describe('static files', () => {
  const outer = tempDir('pyb-static-');
  const build = { path: join(outer.path, 'client'), remove: outer.remove };
  let t: TestApp;
  beforeAll(async () => {
    mkdirSync(build.path);
    writeFileSync(join(outer.path, 'secret.txt'), 'top secret');
    for (const [name, body] of Object.entries(files)) {
      mkdirSync(join(build.path, name, '..'), { recursive: true });
      writeFileSync(join(build.path, name), body);
    }
    t = await createTestApp({ staticRoot: build.path });
  });
  afterAll(() => {
    t.close();
    build.remove();
  });

  it.each([
    ['/', 'text/html', 'no-cache'],
    ['/index.html', 'text/html', 'no-cache'],
    ['/sw.js', 'text/javascript', 'no-cache'],
    ['/manifest.webmanifest', 'application/manifest+json', 'no-cache'],
    ['/assets/index-AbC123.js', 'text/javascript', 'public, max-age=31536000, immutable'],
    ['/workbox-5a4b3c2d.js', 'text/javascript', 'public, max-age=31536000, immutable'],
    ['/icons/icon-192.png', 'image/png', 'public, max-age=3600'],
  ])('%s is served as %s with Cache-Control %s', async (path, type, cache) => {
    const res = await t.app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    expect(res.headers.get('cache-control')).toBe(cache);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each(['/trips/0193abcd', '/lists/x', '/settings', '/items'])(
    'client route %s serves the app shell, never cached',
    async (path) => {
      const res = await t.app.request(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(files['index.html']);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    },
  );

  it.each(['/assets/missing-123.js', '/favicon.ico'])(
    'missing file %s is a 404, not the shell',
    async (path) => {
      const res = await t.app.request(path);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    },
  );

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
  ])('never serves files outside the build folder (%s)', async (path) => {
    const res = await t.app.request(path);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('top secret');
  });

  it.each(['bytes=5-2', 'bytes=999999-', 'bytes=-5', 'bytes=0-3', 'nonsense'])(
    'ignores Range: %s and answers the whole file',
    async (range) => {
      const res = await t.app.request('/sw.js', { headers: { range } });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(files['sw.js']);
    },
  );

  it('answers a matching If-None-Match with 304', async () => {
    const first = await t.app.request('/index.html');
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();
    const again = await t.app.request('/index.html', { headers: { 'if-none-match': tag ?? '' } });
    expect(again.status).toBe(304);
  });

  it('keeps the API out of the SPA fallback', async () => {
    const res = await t.app.request('/api/trips');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
