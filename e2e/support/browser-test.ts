// The usual frame of a browser test file: one built server for the file, and for each
// test a fresh Chromium with its own on-disk profile (so IndexedDB is real and durable)
// whose uncaught page errors fail the test. Call at the top of a file; the getters
// are valid inside tests. The server can be stopped and started again on the same data
// directory and port, so open pages keep their origin.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { launchPersistent } from './chromium';
import { freePort, startBuiltServer, tempDir, type TestServer } from './server';

export interface BrowserTest {
  server(): TestServer;
  context(): BrowserContext;
  page(): Page;
  /** An absolute URL on the server. */
  url(path: string): string;
  /**
   * Stops the server (SIGTERM, must exit 0), runs `meanwhile`, starts it again on the
   * same data directory and port. Needs `restartable`.
   */
  restartServer(meanwhile?: () => Promise<void>): Promise<void>;
}

/** `restartable`: the server runs on a fixed port from the start (see restartServer). */
export function browserTestPerFile({ restartable = false } = {}): BrowserTest {
  let server: TestServer | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let profile: { remove(): void } | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startBuiltServer(restartable ? { port: await freePort() } : {});
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
    async restartServer(meanwhile) {
      if (!restartable)
        throw new Error('restartServer needs browserTestPerFile({ restartable: true })');
      const { dataDir, port } = need(server, 'server');
      const stopped = server?.stop('SIGTERM');
      server = undefined;
      expect((await stopped)?.code).toBe(0);
      await meanwhile?.();
      server = await startBuiltServer({ dataDir, port });
    },
  };
}
