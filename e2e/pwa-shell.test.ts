// The installable, offline-capable shell, checked in real Chromium against the
// real built server: service worker control, installability, offline reload,
// deep links, and IndexedDB durability across reloads.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchPersistent } from './support/chromium';
import { startBuiltServer, tempDir, type TestServer } from './support/server';

/** Collects a page's console errors (CSP violations are logged there) and uncaught errors. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

describe('PWA shell', () => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let problems: string[] = [];
  const profile = tempDir('pyb-profile-');

  beforeAll(async () => {
    server = await startBuiltServer();
    context = await launchPersistent(profile.path);
    page = context.pages()[0] ?? (await context.newPage());
    problems = watchProblems(page);
  });

  // Each test answers for the problems logged while it ran.
  afterEach(() => {
    expect(problems.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await context?.close();
    profile.remove();
    // The server must exit cleanly on SIGTERM (graceful shutdown), not be killed.
    expect(await server?.close()).toBe(0);
  });

  it('loads the app and a service worker takes control', async () => {
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 30_000,
    });
    const scriptUrl = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    expect(scriptUrl).toBe(new URL('/sw.js', server.url).href);
  });

  it('has no installability errors (Chrome DevTools Protocol)', async () => {
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
    expect(manifest.url).toBe(new URL('/manifest.webmanifest', server.url).href);
    expect(manifest.errors).toEqual([]);
    await cdp.detach();
  });

  it('serves deep links with the app shell', async () => {
    await page.goto(new URL('/trips/some-trip', server.url).href);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  });

  it('still shows the app after going offline and reloading', async () => {
    await page.goto(server.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      // A client route never visited before also opens offline (navigation fallback).
      await page.goto(new URL('/settings', server.url).href);
      await page.getByRole('heading', { name: /settings/i }).waitFor();
    } finally {
      await context.setOffline(false);
    }
  });

  it('keeps a value written to IndexedDB across a reload', async () => {
    await page.goto(new URL('/settings', server.url).href);
    await page.getByRole('radio', { name: /dark/i }).check();
    await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'dark');
    await page.reload();
    await expect(page.getByRole('radio', { name: /dark/i }).isChecked()).resolves.toBe(true);
    const stored = await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('packyourbag');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('settings').objectStore('settings').get('settings');
            get.onsuccess = () => resolve(get.result);
            get.onerror = () => reject(get.error);
          };
        }),
    );
    expect(stored).toMatchObject({ id: 'settings', theme: 'dark' });
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
  });

  it('logs no console errors, CSP violations or uncaught errors on the way', async () => {
    // A page of its own, watched from before its first load: the test passes or fails
    // on what it sees itself, whichever tests ran before it.
    const fresh = await context.newPage();
    const seen = watchProblems(fresh);
    try {
      await fresh.goto(server.url);
      await fresh.getByRole('navigation', { name: 'Main' }).waitFor();
      await fresh.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
        timeout: 30_000,
      });
      for (const path of ['/trips/some-trip', '/settings']) {
        await fresh.goto(new URL(path, server.url).href);
        await fresh.getByRole('navigation', { name: 'Main' }).waitFor();
      }
      await context.setOffline(true);
      try {
        await fresh.reload();
        await fresh.getByRole('navigation', { name: 'Main' }).waitFor();
      } finally {
        await context.setOffline(false);
      }
      expect(seen).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
