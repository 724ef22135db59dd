// The usual frame of a browser test file: one built server for the file, and for each
// test a fresh Chromium with its own on-disk profile (so IndexedDB is real and durable)
// whose uncaught page errors fail the test. Call at the top of a file; the getters
// are valid inside tests.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { launchPersistent } from './chromium';
import { startBuiltServer, tempDir, type TestServer } from './server';

export interface BrowserTest {
  server(): TestServer;
  context(): BrowserContext;
  page(): Page;
  /** An absolute URL on the server. */
  url(path: string): string;
}

export function browserTestPerFile(): BrowserTest {
  let server: TestServer | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let profile: { remove(): void } | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startBuiltServer();
  });
  afterAll(async () => {
    expect(await server?.close()).toBe(0);
  });
  beforeEach(async () => {
    const dir = tempDir('pyb-profile-');
    profile = dir;
    context = await launchPersistent(dir.path);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterEach(async () => {
    await context?.close();
    profile?.remove();
    expect(pageErrors.splice(0)).toEqual([]);
  });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`no ${what} outside a test`);
    return value;
  };
  return {
    server: () => need(server, 'server'),
    context: () => need(context, 'browser'),
    page: () => need(page, 'page'),
    url: (path) => new URL(path, need(server, 'server').url).href,
  };
}
