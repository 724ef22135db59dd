// LighterPack CSV in real Chromium against the built server (issue 7): a file chosen in
// "Import LighterPack CSV" on /settings is previewed, imported with "Import", becomes a
// pack with the right totals, and "Export LighterPack CSV" on that pack downloads the
// same bytes. Bad rows are named by line before anything is written; a file over 5 MB is
// refused with a message.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseLighterPackCsv } from '../shared/lighterpack';
import { formatWeight } from '../shared/format-weight';
import { computeTotals } from '../shared/totals';
import { launchPersistent } from './support/chromium';
import { startBuiltServer, tempDir, type TestServer } from './support/server';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../shared/lighterpack/fixtures/${name}`, import.meta.url));

let server: TestServer;
beforeAll(async () => {
  server = await startBuiltServer();
});
afterAll(async () => {
  expect(await server.close()).toBe(0);
});

let context: BrowserContext;
let page: Page;
let profile: { path: string; remove(): void };
const pageErrors: string[] = [];
beforeEach(async () => {
  profile = tempDir('pyb-profile-');
  context = await launchPersistent(profile.path);
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
});
afterEach(async () => {
  await context.close();
  profile.remove();
  expect(pageErrors.splice(0)).toEqual([]);
});

async function chooseFile(name: string, buffer: Buffer): Promise<void> {
  await page.goto(new URL('/settings', server.url).href);
  await page.getByLabel('Import LighterPack CSV').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer,
  });
}

/** The totals the pack page should show: the automatic unit, metric until chosen ([W9]). */
function expectedTotals(csv: Buffer) {
  const parsed = parseLighterPackCsv(csv.toString('utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  const totals = computeTotals(
    parsed.file.rows.map((row) => ({
      weightGrams: row.weightGrams,
      qty: row.qty,
      wornQty: row.worn ? 1 : 0,
      consumable: row.consumable,
    })),
  );
  return Object.entries(totals).map(([part, grams]) => [
    part,
    formatWeight(grams, 'auto', { locale: 'en-US' }),
  ]);
}

describe('LighterPack CSV', () => {
  it('imports a file through the settings page and exports the same bytes from the pack', async () => {
    const original = fixture('lighterpack-export.csv');
    await chooseFile('pct-2026.csv', original);

    const preview = page.getByRole('region', { name: /Preview of “pct-2026”/ });
    await preview.getByText('6 lists').waitFor();
    await preview.getByText('11 entries').waitFor();
    await preview.getByText('0 rows rejected').waitFor();
    await page.getByRole('button', { name: 'Import' }).click();

    const status = page.getByRole('status').filter({ hasText: 'Imported' });
    await status.getByRole('link', { name: 'pct-2026' }).click();
    await page.waitForURL(/\/packs\//);
    await page.getByRole('heading', { level: 1, name: 'pct-2026' }).waitFor();

    const totals = page.locator('dl[aria-label="Totals of pct-2026"]');
    for (const [part, text] of expectedTotals(original)) {
      const label = `${part?.[0]?.toUpperCase()}${part?.slice(1)}`;
      await expect
        .poll(() => totals.innerText())
        .toMatch(new RegExp(`${label}\\s*(\\([^)]*\\)\\s*)?${text}`));
    }

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export LighterPack CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('pct-2026.csv');
    const exported = await readFile(await download.path());
    expect(exported.equals(original)).toBe(true);
  });

  it('names every rejected row by line in the preview and imports the rest', async () => {
    await chooseFile('bad_rows.csv', fixture('bad-rows.csv'));
    const preview = page.getByRole('region', { name: /Preview of “bad rows”/ });
    await preview.getByText('7 rows rejected').waitFor();
    for (const line of [
      'Line 3: unknown unit: “stone”',
      'Line 4: weight not a number: “abc”',
      'Line 7: missing name',
      'Line 11: weight not a number: (empty)',
    ]) {
      await preview.getByText(line).waitFor();
    }
    await page.getByRole('checkbox', { name: 'Reuse items already in my library' }).uncheck();
    await page.getByRole('button', { name: 'Import' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Imported bad rows: 2 lists, 2 entries.' })
      .waitFor();
  });

  it('refuses a file over 5 MB with a message, before reading it', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 'a');
    await chooseFile('huge.csv', big);
    const alert = page.getByRole('alert').filter({ hasText: 'huge.csv' });
    await expect.poll(() => alert.innerText()).toMatch(/files up to 5 MB/);
    expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
  });
});
