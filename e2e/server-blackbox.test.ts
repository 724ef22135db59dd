// Black-box checks of the running production server over real HTTP.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltServer, type TestServer } from './support/server';

describe('built server over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startBuiltServer();
  });
  afterAll(async () => {
    expect(await server.close()).toBe(0);
  });
  const get = (path: string) => fetch(new URL(path, server.url));

  it('answers health', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it('serves the shell with a CSP and deep links with the same shell', async () => {
    const shell = await get('/');
    const html = await shell.text();
    expect(html).toContain('<div id="root">');
    expect(shell.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline scripts for the CSP to block
    const deep = await get('/trips/abc');
    expect(await deep.text()).toBe(html);
  });

  it('serves a manifest with 192 and 512 px icons, one of them maskable', async () => {
    const html = await (await get('/')).text();
    const href = /<link rel="manifest" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    const manifest = (await (await get(href ?? '')).json()) as {
      icons: { src: string; sizes: string; purpose?: string }[];
      display: string;
      start_url: string;
    };
    expect(manifest).toMatchObject({ display: 'standalone', start_url: '/' });
    const sizes = manifest.icons.map((i) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose?.includes('maskable'))).toBe(true);
    for (const icon of manifest.icons) {
      const res = await get(icon.src);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
    }
  });

  it('serves the service worker script, never cached', async () => {
    const res = await get('/sw.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('precache');
  });

  it('sends the security headers on pages, files and API answers', async () => {
    for (const path of ['/', '/trips/x', '/sw.js', '/api/health', '/api/nope']) {
      const res = await get(path);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('strict-transport-security')).toBeNull(); // http public URL
    }
  });

  it('keeps the SQLite database and an owner-only private key in the data directory', () => {
    expect(statSync(join(server.dataDir, 'packyourbag.db')).mode & 0o777).toBe(0o600);
    const keys = readdirSync(join(server.dataDir, 'keys'));
    expect(keys).toHaveLength(1);
    expect(statSync(join(server.dataDir, 'keys', keys[0] ?? '')).mode & 0o777).toBe(0o600);
  });

  it('answers odd Range headers with the whole file, never a 5xx', async () => {
    const whole = await (await get('/sw.js')).text();
    for (const range of ['bytes=5-2', 'bytes=999999-', 'bytes=-5']) {
      const res = await fetch(new URL('/sw.js', server.url), { headers: { range } });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(whole);
    }
  });

  it('answers unknown API routes with JSON 404', async () => {
    const res = await get('/api/does-not-exist');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
