// The restore story of issue #11, in real Chromium against the built server and the
// built admin command: a device syncs item A, the operator takes a backup, the device
// syncs item B, the operator restores the backup (server stopped, then started again on
// the same data directory and port, so the page keeps its origin). The restored server
// has a new epoch: the device's cursor is refused (410, cause restore), it sends every
// cell it holds again and the server ends with A and B ([P6] in shared/SPEC.md).
//
// A second story: the device's session is newer than the backup (it signed out and in
// again after it), so the restored server does not know it: the device is asked to sign
// in again, keeps its data meanwhile, and re-sends B once signed in. A third: the device
// renewed its session after the backup (a reload rotates the refresh token); the access
// token it holds still names a session the backup has, so it re-sends B at once.
//
// The device stays offline from just before the server stops until after the restored
// server has been checked to lack B: otherwise its sync loop could re-send B first.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  accountLink,
  addItem,
  answerLocalDataQuestion,
  PASSWORD,
  submitAccountForm,
  waitUntilSynced,
} from './support/account';
import { accessToken, liveItemNames, serverCells } from './support/api';
import { browserTestPerFile } from './support/browser-test';
import { runAdmin, tempDir } from './support/server';

const browser = browserTestPerFile({ restartable: true });
let page: Page;
beforeEach(() => {
  page = browser.page();
});
const NODE = '00000000000000e2';
const RESTORE_TIMEOUT_MS = 120_000;
/** Slow polls: they count against the user's 120 syncs a minute, as the device's do. */
const SERVER_POLL = { timeout: 30_000, interval: 1000 };

/** A sign-in over the API (login is limited to 10 a minute per IP: sign in sparingly). */
const signInOverApi = (email: string) => accessToken(browser.server().url, 'in', email, PASSWORD);

/** The live item names the account holds on the server. */
async function itemsOnServer(token: string): Promise<string[]> {
  return liveItemNames(await serverCells(browser.server().url, token, NODE));
}

let backups: { path: string; remove(): void };
beforeEach(() => {
  backups = tempDir('pyb-backup-');
});
afterEach(() => backups.remove());

/**
 * The start of each story: the device signs up, adds item A and syncs it; the operator
 * backs up. Resolves the account, the two item names and the backup file.
 */
async function syncAThenBackUp(prefix: string) {
  const tag = Date.now().toString(36);
  const story = {
    email: `${prefix}-${tag}@example.com`,
    itemA: `${prefix} tent ${tag}`,
    itemB: `${prefix} quilt ${tag}`,
    file: join(backups.path, `${prefix}.db`),
  };
  await submitAccountForm(page, browser.server().url, 'Create account', story.email);
  await page.getByRole('heading', { name: 'Your account' }).waitFor();
  await page.goto(browser.url('/items'));
  await addItem(page, story.itemA);
  await waitUntilSynced(page);
  const backup = await runAdmin(browser.server().dataDir, 'backup', story.file);
  expect(backup, 'admin backup').toMatchObject({ code: 0 });
  expect(backup.output).toMatch(/^Backed up to .*integrity ok\.$/m);
  return story;
}

type Story = Awaited<ReturnType<typeof syncAThenBackUp>>;

/**
 * Offline, stop, `admin restore`, start on the same port (the device stays offline);
 * checks the server went back to the backup (A without B) and resolves an API token.
 */
async function restoreWhileOffline({ email, itemA, file }: Story): Promise<string> {
  const { dataDir } = browser.server();
  await browser.context().setOffline(true);
  await browser.restartServer(async () => {
    const restored = await runAdmin(dataDir, 'restore', file);
    expect(restored, 'admin restore').toMatchObject({ code: 0 });
  });
  const token = await signInOverApi(email);
  expect(await itemsOnServer(token), 'the backup lacks B').toEqual([itemA]);
  return token;
}

/** Waits until the server holds A and B again, then until the device is synced. */
async function expectBothBack(token: string, { itemA, itemB }: Story): Promise<void> {
  await expect.poll(() => itemsOnServer(token), SERVER_POLL).toEqual([itemA, itemB].sort());
  await waitUntilSynced(page);
}

/** The device, on /items, shows both items. */
async function deviceShows({ itemA, itemB }: Story): Promise<void> {
  for (const name of [itemA, itemB]) await page.getByRole('article', { name }).waitFor();
}

describe('admin restore while devices keep their data', () => {
  it(
    'the device re-sends what the backup lacks; a restore refuses while the server runs',
    async () => {
      const story = await syncAThenBackUp('restore');
      const { email, itemA, itemB, file } = story;
      // No reload from here on: the device keeps the refresh token the backup holds.
      await addItem(page, itemB);
      await waitUntilSynced(page);
      const before = await signInOverApi(email);
      expect(await itemsOnServer(before)).toEqual([itemA, itemB].sort());

      // While the server runs, a restore refuses and touches nothing.
      const { dataDir } = browser.server();
      const files = dataDirState(dataDir);
      const refused = await runAdmin(dataDir, 'restore', file);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain('A server is running');
      expect(dataDirState(dataDir)).toEqual(files);
      expect(await itemsOnServer(before)).toEqual([itemA, itemB].sort());

      const after = await restoreWhileOffline(story);

      // Back online ("online" starts a sync): 410 restore, re-send, full pull.
      await browser.context().setOffline(false);
      await expectBothBack(after, story);
      await deviceShows(story);
      // The session was made before the backup: it survives, a reload stays signed in.
      await page.reload();
      await accountLink(page, email).waitFor();
      await deviceShows(story);
    },
    RESTORE_TIMEOUT_MS,
  );

  it(
    'a session newer than the backup is gone after the restore: the device signs in again, then re-sends',
    async () => {
      const story = await syncAThenBackUp('again');
      const { email, itemA, itemB } = story;
      // A new session, unknown to the backup: sign out (the device keeps A as a
      // guest's data) and in again, keeping it.
      await page.goto(browser.url('/account'));
      await page.getByRole('button', { name: 'Sign out', exact: true }).click();
      await accountLink(page, 'Sign in').waitFor();
      await submitAccountForm(page, browser.server().url, 'Sign in', email);
      await answerLocalDataQuestion(page, 'Keep it and sync', /1 item/);
      await page.goto(browser.url('/items'));
      await addItem(page, itemB);
      await waitUntilSynced(page);

      const after = await restoreWhileOffline(story);

      // Online: the restored server has no such session; the device asks to sign in
      // again and keeps its data meanwhile.
      await browser.context().setOffline(false);
      await accountLink(page, 'Sign in again').waitFor({ timeout: 30_000 });
      await deviceShows(story);
      expect(await itemsOnServer(after)).toEqual([itemA]);

      await submitAccountForm(page, browser.server().url, 'Sign in', email);
      await page.getByRole('heading', { name: 'Your account' }).waitFor();
      await accountLink(page, email).waitFor();
      await expectBothBack(after, story);
      await page.goto(browser.url('/items'));
      await deviceShows(story);
    },
    RESTORE_TIMEOUT_MS,
  );

  it(
    'a device that renewed its session after the backup re-sends with the access token it holds',
    async () => {
      const story = await syncAThenBackUp('renewed');
      const { email, itemB } = story;
      // A reload renews the session: its refresh token is now newer than the backup's.
      await page.reload();
      await accountLink(page, email).waitFor();
      await addItem(page, itemB);
      await waitUntilSynced(page);

      const after = await restoreWhileOffline(story);
      await browser.context().setOffline(false);
      await expectBothBack(after, story);
      // The restored server does not know the rotated refresh token, so the next renewal
      // (this reload) asks to sign in again; the data stays on the device either way.
      await page.reload();
      await deviceShows(story);
    },
    RESTORE_TIMEOUT_MS,
  );
});

/** The data directory's file names and the database file's inode: a refused restore keeps both. */
function dataDirState(dataDir: string): { names: string[]; dbInode: number } {
  return {
    names: readdirSync(dataDir).sort(),
    dbInode: statSync(join(dataDir, 'packyourbag.db')).ino,
  };
}
