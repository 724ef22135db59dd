// Browser error reports end to end: with PYB_SENTRY_DSN the page loads its
// report module, an uncaught error travels through the server's tunnel to a
// stand-in for Sentry/GlitchTip on loopback, scrubbed of the planted email and
// address; without a DSN the module is never even downloaded.
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPersistent } from './support/chromium';
import { startBuiltServer, tempDir, type TestServer } from './support/server';
import { waitFor } from './support/services';

/** Records the envelopes posted to it, as Sentry's ingest would accept them. */
async function fakeIngest(): Promise<{ server: Server; port: number; received: string[] }> {
  const received: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push(`${req.url ?? ''}\n${body}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0, received };
}

async function openApp(run: (page: Page, requests: string[]) => Promise<void>) {
  const profile = tempDir('pyb-profile-');
  const context = await launchPersistent(profile.path);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await run(page, requests);
  } finally {
    await context.close();
    profile.remove();
  }
}

describe('browser error reports', () => {
  let ingest: Awaited<ReturnType<typeof fakeIngest>>;
  let server: TestServer;
  beforeAll(async () => {
    ingest = await fakeIngest();
    server = await startBuiltServer({
      env: { PYB_SENTRY_DSN: `http://publickey@127.0.0.1:${ingest.port}/7` },
    });
  });
  afterAll(async () => {
    expect(await server?.close()).toBe(0);
    await new Promise((resolve) => ingest?.server.close(resolve));
  });

  it('sends an uncaught page error through the tunnel, scrubbed', async () => {
    await openApp(async (page, requests) => {
      const module = page.waitForResponse((r) =>
        /\/assets\/sentry-reporter-[\w-]+\.js$/.test(r.url()),
      );
      await page.goto(server.url);
      expect((await module).status()).toBe(200);
      // Distinct messages: the dedupe integration drops a repeat of the same error.
      let attempt = 0;
      const report = await waitFor('the report to reach the ingest', async () => {
        attempt += 1;
        await page.evaluate((n) => {
          setTimeout(() => {
            throw new Error(`boom ${n} for alice.hiker@example.com at 203.0.113.9`);
          });
        }, attempt);
        return ingest.received.find((r) => r.includes('boom '));
      });
      expect(report).toMatch(/^\/api\/7\/envelope\//);
      expect(report).toMatch(/boom \d+ for \[email\] at \[ip\]/);
      expect(report).not.toContain('alice.hiker@example.com');
      expect(report).not.toContain('203.0.113.9');
      // The page spoke only to its own server, never to the report service.
      const origins = new Set(requests.map((u) => new URL(u).origin));
      expect([...origins]).toEqual([new URL(server.url).origin]);
    });
  });

  it('never downloads the report module when no DSN is configured', async () => {
    const plain = await startBuiltServer();
    try {
      await openApp(async (page, requests) => {
        const config = page.waitForResponse((r) => r.url().endsWith('/api/error-reports'));
        await page.goto(plain.url);
        expect(await (await config).json()).toEqual({ enabled: false });
        await page.getByRole('heading').first().waitFor();
        expect(requests.filter((u) => /sentry-reporter-[\w-]+\.js/.test(u))).toEqual([]);
        // Nor does the service worker fetch it for its precache.
        expect(await (await fetch(new URL('/sw.js', plain.url))).text()).not.toContain(
          'sentry-reporter',
        );
      });
    } finally {
      expect(await plain.close()).toBe(0);
    }
  });
});
