// axe-core on every page of the app, in the light and the dark theme, with the
// guest sample data loaded so pages show real content rather than empty states.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { launchPersistent } from './support/chromium';
import { startBuiltServer, tempDir, type TestServer } from './support/server';

describe('accessibility (axe-core)', () => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  const profile = tempDir('pyb-profile-');
  const paths: string[] = ['/', '/items', '/settings', '/account'];

  beforeAll(async () => {
    server = await startBuiltServer();
    context = await launchPersistent(profile.path);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    // The sample data gives one list, pack and trip to visit.
    for (const prefix of ['/lists/', '/packs/', '/trips/']) {
      const link = page.locator(`a[href^="${prefix}"]`).first();
      await link.waitFor({ timeout: 15_000 });
      paths.push((await link.getAttribute('href')) ?? prefix);
    }
  });

  afterAll(async () => {
    await context?.close();
    profile.remove();
    await server?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no violations on any page in the ${scheme} theme`, async () => {
      await page.emulateMedia({ colorScheme: scheme });
      const found: Record<string, unknown> = {};
      for (const path of paths) {
        await page.goto(new URL(path, server.url).href);
        await page.locator('main h1').first().waitFor();
        await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, {
          timeout: 10_000,
        });
        const violations = await axeViolations(page);
        if (violations.length) found[path] = violations;
      }
      expect(found).toEqual({});
    });
  }
});
