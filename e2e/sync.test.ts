// Sync between two devices of one account, in real Chromium against the built server:
// each device is its own browser with its own on-disk profile (its own IndexedDB), a
// phone (390 px) and a desktop (1280 px). A phone checks items off with no network
// while the desktop edits the pack; once the phone is back online both show the same
// trip without a reload. And a guest's own data, kept on signing in, reaches the other
// device.
//
// The loop syncs on start, on `online`, on focus, about a second after a local write
// and every 15 s (client/sync/sync-loop.ts). The phone's reconnect is an `online` event;
// the desktop learns of the phone's changes at its next periodic sync, in real time.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  accountLink,
  answerLocalDataQuestion,
  pendingChanges,
  submitAccountForm,
  syncStatusLine,
  waitUntilSynced,
} from './support/account';
import { launchPersistent } from './support/chromium';
import { startBuiltServer, tempDir, type TestServer } from './support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startBuiltServer();
});
afterAll(async () => {
  expect(await server.close()).toBe(0);
});

interface Device {
  context: BrowserContext;
  page: Page;
  profile: { path: string; remove(): void };
}

const PHONE = { width: 390, height: 800 };
const DESKTOP = { width: 1280, height: 800 };
const SYNC_TIMEOUT = 30_000;
/** Two browsers, several periodic syncs: about 50 s on an idle 2-core machine. */
const TWO_DEVICE_TIMEOUT_MS = 180_000;
const POLL = { timeout: SYNC_TIMEOUT };
/** How often the loop syncs by itself (client/sync/sync-loop.ts intervalMs). */

const devices: Device[] = [];
// Console errors (CSP violations are logged there) and uncaught page errors, per device.
const problems: string[] = [];

async function openDevice(
  name: string,
  viewport: { width: number; height: number },
): Promise<Device> {
  const profile = tempDir('pyb-profile-');
  const context = await launchPersistent(profile.path);
  const device: Device = {
    context,
    profile,
    page: context.pages()[0] ?? (await context.newPage()),
  };
  devices.push(device);
  const { page } = device;
  await page.setViewportSize(viewport);
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${name} console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${name} page error: ${error.message}`));
  return device;
}

afterEach(async () => {
  for (const device of devices.splice(0)) {
    await device.context.close();
    device.profile.remove();
  }
  expect(problems.splice(0)).toEqual([]);
});

const url = (path: string) => new URL(path, server.url).href;
const checkbox = (page: Page, name: string, checked?: boolean) =>
  page
    .getByRole('listitem')
    .getByRole('checkbox', { name, exact: true, ...(checked === undefined ? {} : { checked }) });
const progress = (page: Page) => page.getByText(/^\d+ of \d+ packed$/).first();

/** Opens the overview's next trip and resolves its URL. */
async function openNextTrip(page: Page): Promise<string> {
  await page.goto(server.url);
  await page.getByRole('region', { name: 'Next trip' }).getByRole('link').first().click();
  await page.waitForURL(/\/trips\//);
  await page.getByRole('listitem').getByRole('checkbox').first().waitFor();
  return page.url();
}

/** Renames the open trip, which makes the sample trip the user's own data. */
async function renameTrip(page: Page, name: string): Promise<void> {
  const field = page.getByLabel('Name', { exact: true });
  await field.fill(name);
  await field.press('Enter');
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('two devices of one account', () => {
  it(
    'a phone checks off offline while the desktop edits the pack; both converge without a reload',
    async () => {
      const tag = Date.now().toString(36);
      const email = `two-devices-${tag}@example.com`;
      const tripName = `Sync trip ${tag}`;
      const renamed = `Spark lighter ${tag}`;
      const added = `Sync bivy ${tag}`;
      const desktop = await openDevice('desktop', DESKTOP);
      const phone = await openDevice('phone', PHONE);

      // The desktop makes the sample's trip its own, signs up and keeps it: the account
      // now holds the sample's pack, lists and items and that trip.
      const tripUrl = await openNextTrip(desktop.page);
      await renameTrip(desktop.page, tripName);
      await submitAccountForm(desktop.page, server.url, 'Create account', email);
      await answerLocalDataQuestion(desktop.page, 'Keep it and sync', /1 trip/);
      await accountLink(desktop.page, email).waitFor();
      await waitUntilSynced(desktop.page);

      // The phone has its own sample, and a trip of its own made from it; signing in,
      // it discards them and takes the account's data.
      await openNextTrip(phone.page);
      await renameTrip(phone.page, 'Phone guest trip');
      await submitAccountForm(phone.page, server.url, 'Sign in', email);
      await answerLocalDataQuestion(phone.page, 'Discard it', /1 trip/);
      await accountLink(phone.page, email).waitFor();
      await waitUntilSynced(phone.page);
      await phone.page.goto(server.url);
      await phone.page.getByRole('region', { name: 'Next trip' }).getByText(tripName).waitFor();
      expect(await phone.page.getByText('Phone guest trip').count()).toBe(0);
      expect(await openNextTrip(phone.page)).toBe(tripUrl);
      await phone.page.getByRole('heading', { level: 1, name: tripName }).waitFor();
      await expect.poll(() => progress(phone.page).innerText(), POLL).toBe('0 of 42 packed');

      // At the trailhead, no network: the phone checks off three items.
      await phone.context.setOffline(true);
      const checked = ['Mini lighter', 'Titanium 750 ml pot', 'PocketRocket 2 stove'];
      for (const name of checked) {
        await checkbox(phone.page, name).click();
        await checkbox(phone.page, name, true).waitFor();
      }
      await syncStatusLine(phone.page)
        .getByText('Offline — changes are saved on this device')
        .waitFor({ timeout: SYNC_TIMEOUT });
      // The status line fits the phone: nothing scrolls sideways.
      expect(
        await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true);

      // Meanwhile the desktop renames one of those items and adds a new one to the pack.
      await desktop.page.goto(url('/items'));
      await desktop.page.getByRole('button', { name: 'Edit Mini lighter' }).click();
      await desktop.page.getByLabel('Name', { exact: true }).fill(renamed);
      await desktop.page.getByRole('button', { name: 'Save item' }).click();
      // The desktop library is a table: the item's row links to its lists.
      const card = desktop.page.getByRole('row', { name: renamed });
      await card.getByRole('link', { name: 'Kitchen' }).click();
      await desktop.page.getByRole('heading', { level: 1, name: 'Kitchen' }).waitFor();
      await desktop.page.getByRole('button', { name: 'Create a new item' }).click();
      const quick = desktop.page.getByRole('form', { name: 'New item for this list' });
      await quick.getByLabel('Name', { exact: true }).fill(added);
      await quick.getByLabel('Weight', { exact: true }).fill('450');
      await quick.getByRole('button', { name: 'Create and add' }).click();
      await desktop.page.getByRole('gridcell', { name: added, exact: true }).waitFor();
      await expect.poll(() => pendingChanges(desktop.page), POLL).toBe(0);
      // Without a reload from here on: the desktop opens the trip from its sidebar.
      await desktop.page
        .getByRole('navigation', { name: 'Trips, packs and lists' })
        .getByRole('link', { name: tripName })
        .click();
      await desktop.page.getByRole('heading', { level: 1, name: tripName }).waitFor();
      await expect.poll(() => progress(desktop.page).innerText(), POLL).toBe('0 of 43 packed');

      // Back online: the phone pushes its checks and takes the desktop's edits at once.
      await phone.context.setOffline(false);
      await checkbox(phone.page, renamed, true).waitFor({ timeout: SYNC_TIMEOUT });
      await checkbox(phone.page, added, false).waitFor({ timeout: SYNC_TIMEOUT });
      expect(await checkbox(phone.page, 'Mini lighter').count()).toBe(0);
      await expect.poll(() => progress(phone.page).innerText(), POLL).toBe('3 of 43 packed');
      await waitUntilSynced(phone.page);

      // The desktop's next periodic sync brings the phone's checks.
      const expectChecks = async (page: Page) => {
        for (const name of [renamed, ...checked.slice(1)])
          await checkbox(page, name, true).waitFor({ timeout: SYNC_TIMEOUT });
        await checkbox(page, added, false).waitFor({ timeout: SYNC_TIMEOUT });
        await expect.poll(() => progress(page).innerText(), POLL).toBe('3 of 43 packed');
      };
      await expectChecks(desktop.page);

      // Both keep it across a reload.
      for (const page of [desktop.page, phone.page]) {
        await page.reload();
        await page.getByRole('heading', { level: 1, name: tripName }).waitFor();
        await expectChecks(page);
        await waitUntilSynced(page);
      }
    },
    TWO_DEVICE_TIMEOUT_MS,
  );

  it(
    'a guest’s own data, kept on signing in, reaches the account’s other device',
    async () => {
      const tag = Date.now().toString(36);
      const email = `keep-${tag}@example.com`;
      const itemName = `Guest canteen ${tag}`;
      const first = await openDevice('first', DESKTOP);
      const second = await openDevice('second', PHONE);

      // The first device signs up with nothing but the untouched sample: it is removed
      // without a question, and the account starts empty.
      await first.page.goto(server.url);
      await first.page.getByRole('region', { name: 'Next trip' }).waitFor();
      await submitAccountForm(first.page, server.url, 'Create account', email);
      await first.page.getByRole('heading', { name: 'Your account' }).waitFor();
      await accountLink(first.page, email).waitFor();
      await first.page.goto(url('/items'));
      await first.page.getByText('Your gear library is empty').waitFor();
      await waitUntilSynced(first.page);

      // The second device, as a guest, adds an item, then signs in and keeps its data.
      await second.page.goto(url('/items'));
      await second.page.getByRole('button', { name: 'Add item' }).click();
      await second.page.getByLabel('Name', { exact: true }).fill(itemName);
      await second.page.getByLabel('Weight', { exact: true }).fill('140');
      await second.page.getByRole('button', { name: 'Save item' }).click();
      await second.page.getByRole('article', { name: itemName }).waitFor();
      await submitAccountForm(second.page, server.url, 'Sign in', email);
      await answerLocalDataQuestion(second.page, 'Keep it and sync', /^This device has 1 item /m);
      await accountLink(second.page, email).waitFor();
      await waitUntilSynced(second.page);

      // The first device, still on /items and not reloaded, shows it after its next sync.
      await first.page.getByRole('row', { name: itemName }).waitFor({ timeout: SYNC_TIMEOUT });
      await first.page.reload();
      await first.page.getByRole('row', { name: itemName }).waitFor();
    },
    TWO_DEVICE_TIMEOUT_MS,
  );
});
