// Takes the manifest's screenshots (vite.config.ts `screenshots`) from the built app with
// its first-run sample: a pack at 1280×800 (form_factor wide) and the next trip's
// checklist at 390×844 (narrow), into client/public/screenshots. Run after `npm run build`:
//   npx tsx scripts/make-screenshots.ts && npm run build:client
// The PNGs are committed (install dialogs show them; the service worker does not
// precache them), so run it again only when the look of those pages changes.
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/chromium';
import { startBuiltServer } from '../e2e/support/server';
import { PACKAGE_ROOT } from '../server/paths';

const OUT_DIR = join(PACKAGE_ROOT, 'client', 'public', 'screenshots');

const SHOTS = [
  { file: 'wide.png', width: 1280, height: 800, open: openFirstPack },
  { file: 'narrow.png', width: 390, height: 844, open: openNextTrip },
] as const;

async function openFirstPack(page: Page, base: string): Promise<void> {
  await page.goto(new URL('/packs', base).href);
  await page.locator('main a[href^="/packs/"]').first().click();
  await page.locator('.weight-totals').first().waitFor();
}

async function openNextTrip(page: Page, base: string): Promise<void> {
  await page.goto(new URL('/trips/next', base).href);
  await page.waitForURL(/\/trips\/(?!next)[^/]+$/);
  await page.getByRole('checkbox').first().waitFor();
}

mkdirSync(OUT_DIR, { recursive: true });
const server = await startBuiltServer();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: shot.height },
      locale: 'en-US',
      colorScheme: 'light',
      // Animations and the caret would make every run's bytes differ.
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await shot.open(page, server.url);
    const path = join(OUT_DIR, shot.file);
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    console.log(`${path}: ${shot.width}×${shot.height}, ${statSync(path).size} bytes`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
