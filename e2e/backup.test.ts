// The JSON backup in real Chromium against the built server (issue 7): "Download backup" on
// /settings saves a file that parses as a backup; "Restore backup" previews it and merges
// it only after "Restore", into a second device as new rows and into the same device as no
// change at all; a damaged file is refused with a reason. The section passes axe-core with
// the preview open, in the light and the dark theme.
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseBackup } from '../shared/backup';
import { axeViolations } from './support/axe';
import { launchPersistent } from './support/chromium';
import { startBuiltServer, tempDir, type TestServer } from './support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startBuiltServer();
});
afterAll(async () => {
  expect(await server.close()).toBe(0);
});

const opened: { context: BrowserContext; profile: { remove(): void } }[] = [];
const pageErrors: string[] = [];
afterEach(async () => {
  for (const { context, profile } of opened.splice(0)) {
    await context.close();
    profile.remove();
  }
  expect(pageErrors.splice(0)).toEqual([]);
});

/** A device (its own profile) on /settings, with the first-run sample planted. */
async function device(): Promise<Page> {
  const profile = tempDir('pyb-profile-');
  const context = await launchPersistent(profile.path);
  opened.push({ context, profile });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
  await page.locator('a[href^="/trips/"]').first().waitFor({ timeout: 15_000 });
  await page.goto(new URL('/settings', server.url).href);
  return page;
}

async function downloadBackup(page: Page): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download backup' }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** Every object store of the app's IndexedDB database, read in the page. */
function storedData(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('packyourbag');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = Array.from(db.objectStoreNames);
          const tx = db.transaction(names);
          const all: Record<string, unknown[]> = {};
          for (const name of names) {
            const get = tx.objectStore(name).getAll();
            get.onsuccess = () => (all[name] = get.result);
          }
          tx.oncomplete = () => (db.close(), resolve(all));
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function chooseBackup(page: Page, text: string): Promise<void> {
  await page.getByLabel('Restore backup').setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

describe('JSON backup', () => {
  it('downloads a backup and restores it into another device, then changes nothing', async () => {
    const first = await device();
    const backup = await downloadBackup(first);
    expect(backup.name).toMatch(/^packyourbag-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const parsed = parseBackup(backup.text);
    expect(parsed.ok).toBe(true);
    const items = parsed.ok ? parsed.backup.tables.items.length : 0;
    expect(items).toBeGreaterThan(10);

    const second = await device();
    await chooseBackup(second, backup.text);
    const preview = second.getByRole('region', { name: 'Restore “backup.json”?' });
    await preview.getByRole('row', { name: `Gear items ${items} 0 0` }).waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await second.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(second)).toEqual([]);
    }
    await second.getByRole('button', { name: 'Restore', exact: true }).click();
    const status = second.getByRole('status').filter({ hasText: 'Restored:' });
    await status.getByText(/rows added, 0 updated; nothing newer was overwritten\./).waitFor();

    // The same file again: every cell is already there.
    await chooseBackup(second, backup.text);
    await second.getByText('This device already has everything in the backup').waitFor();
    await second.getByRole('button', { name: 'Restore', exact: true }).click();
    await second.getByText('Restored: 0 rows added, 0 updated').waitFor();
  });

  it('refuses a damaged file with the reason, and writes nothing', async () => {
    // From another device, so that every row of the file would be new here.
    const { text } = await downloadBackup(await device());
    const page = await device();
    const before = await storedData(page);
    expect(before['items']?.length).toBeGreaterThan(0);
    await chooseBackup(page, text.replace('"weightGrams":', '"weightGrams":-5,"x":'));
    const alert = page.getByRole('alert');
    await alert.getByText(/damaged at tables\.items\[\d+\]\.weightGrams/).waitFor();
    expect(await page.getByRole('button', { name: 'Restore', exact: true }).count()).toBe(0);
    expect(await storedData(page)).toEqual(before);
  });
});
