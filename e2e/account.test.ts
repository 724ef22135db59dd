// Accounts in real Chromium against the built server: signing up on /account, staying
// signed in across a reload (the access token is in memory only, so the reload renews
// it with the HttpOnly cookie), signing out; and signing in on a device that already
// holds a guest's own data, which asks whether to keep it, and exporting what the
// account then holds.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  accountLink as accountLinkOf,
  PASSWORD,
  submitAccountForm,
  type AccountMode,
} from './support/account';
import { axeViolations } from './support/axe';
import { browserTestPerFile } from './support/browser-test';

const browser = browserTestPerFile();
let page: Page;
beforeEach(() => {
  page = browser.page();
});
const url = browser.url;
const accountLink = (name: string) => accountLinkOf(page, name);

function post(path: string, body?: unknown, token?: string): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers['Authorization'] = `Bearer ${token}`;
  return fetch(url(path), { method: 'POST', headers, body: JSON.stringify(body ?? {}) });
}

/** Everything the app stored in IndexedDB and localStorage, as one string. */
async function storedText(): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('packyourbag');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const stores = Array.from(db.objectStoreNames);
    const transaction = db.transaction(stores, 'readonly');
    const all = await Promise.all(
      stores.map(
        (name) =>
          new Promise<unknown>((resolve) => {
            const request = transaction.objectStore(name).getAll();
            request.onsuccess = () => resolve(request.result);
          }),
      ),
    );
    db.close();
    return JSON.stringify({ all, local: { ...localStorage } });
  });
}

const signIn = (email: string, mode: AccountMode) =>
  submitAccountForm(page, browser.server().url, mode, email);

describe('account journey', () => {
  it('signs up, stays signed in across a reload, and signs out', async () => {
    const email = `hiker-${Date.now()}@example.com`;
    await signIn(email, 'Create account');
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await accountLink(email).waitFor();
    await page.getByText(`Account created; signed in as ${email}.`).waitFor();
    expect(await storedText()).not.toMatch(/eyJ[\w-]+\.eyJ/); // no JWT anywhere on disk
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page)).toEqual([]);
    }

    await page.reload();
    await accountLink(email).waitFor();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    // The reload had no token: "Connected" means the cookie renewed it.
    await page.getByText('Connected', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByText(/^Signed out\. Your data stays on this device/).waitFor();
    await accountLink('Sign in').waitFor();
    await page.reload();
    await accountLink('Sign in').waitFor();
    await page.getByRole('tab', { name: 'Sign in' }).waitFor();
  });

  it('asks whether to keep a guest’s own data when signing in, and keeps it', async () => {
    const email = `guest-${Date.now()}@example.com`;
    const registered = await post('/api/auth/register', { email, password: PASSWORD });
    expect(registered.status).toBe(201);

    await page.goto(url('/items'));
    await page.getByRole('button', { name: 'Add item' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Guest Stove');
    await page.getByLabel('Weight', { exact: true }).fill('85');
    await page.getByRole('button', { name: 'Save item' }).click();
    await page.getByRole('article', { name: 'Guest Stove' }).waitFor();

    await signIn(email, 'Sign in');
    const question = page.getByRole('dialog', { name: 'Keep the data on this device?' });
    await question.waitFor();
    expect(await question.innerText()).toMatch(/1 item/);
    await question.getByRole('button', { name: 'Keep it and sync' }).click();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await accountLink(email).waitFor();

    await page.goto(url('/items'));
    await page.getByRole('article', { name: 'Guest Stove' }).waitFor();

    // The kept item was queued for sync and reached the account: the export has it.
    await page.getByText(/^Synced /).waitFor({ timeout: 20_000 });
    await page.goto(url('/account'));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export my data' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('packyourbag-account-export.json');
    const exported = JSON.parse(await readFile(await file.path(), 'utf8')) as {
      user: { email: string };
      tables: { items?: { name?: string }[] };
    };
    expect(exported.user.email).toBe(email);
    expect(exported.tables.items?.map((item) => item.name)).toContain('Guest Stove');
  });

  it('asks to sign in again when the session ends elsewhere, keeping the data', async () => {
    const email = `again-${Date.now()}@example.com`;
    await signIn(email, 'Create account');
    await accountLink(email).waitFor();
    await page.goto(url('/items'));
    await page.getByRole('button', { name: 'Add item' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Kept Tarp');
    await page.getByLabel('Weight', { exact: true }).fill('300');
    await page.getByRole('button', { name: 'Save item' }).click();
    await page.getByRole('article', { name: 'Kept Tarp' }).waitFor();

    // "Sign out everywhere" from another client ends this browser's login too.
    const login = await post('/api/auth/login', { email, password: PASSWORD });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const ended = await post('/api/auth/logout-all', undefined, accessToken);
    expect(ended.status).toBe(204);

    await page.reload();
    await accountLink('Sign in again').waitFor();
    await page.getByText('Your session has ended; your data on this device is safe.').waitFor();
    await page.getByRole('article', { name: 'Kept Tarp' }).waitFor();

    await accountLink('Sign in again').click();
    await page.getByRole('heading', { name: 'Sign in again' }).waitFor();
    expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await page.goto(url('/items'));
    await page.getByRole('article', { name: 'Kept Tarp' }).waitFor();
  });
});
