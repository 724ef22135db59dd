// Driving accounts and sync from the browser tests: the /account form, the account link
// in the header, what the device has not pushed yet, adding an item on /items.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const PASSWORD = 'correct horse battery';

export type AccountMode = 'Sign in' | 'Create account';

/**
 * Opens /account and submits the sign-in or sign-up form. What follows (the question
 * about data already on the device, then the account view) is the caller's to wait for.
 */
export async function submitAccountForm(
  page: Page,
  baseUrl: string,
  mode: AccountMode,
  email: string,
  password = PASSWORD,
): Promise<void> {
  await page.goto(new URL('/account', baseUrl).href);
  await page.getByRole('tab', { name: mode }).click();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: mode, exact: true }).click();
}

/** The account entry of the header ("Sign in", the signed-in email, "Sign in again"). */
export const accountLink = (page: Page, name: string): Locator =>
  page.getByRole('navigation', { name: 'Settings and account' }).getByRole('link', { name });

/** The visible sync status line of the shell ("Synced 12:03", "Offline — …"). */
export const syncStatusLine = (page: Page): Locator =>
  page.locator('.sync-status > [aria-hidden="true"]');

/** Changes written on the device and not yet acknowledged by the server (the outbox). */
export function pendingChanges(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('packyourbag');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('outbox').objectStore('outbox').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => {
            db.close();
            reject(count.error);
          };
        };
      }),
  );
}

/** Answers the question asked on signing in on a device that holds a guest's own data. */
export async function answerLocalDataQuestion(
  page: Page,
  answer: 'Keep it and sync' | 'Discard it',
  own: RegExp,
): Promise<void> {
  const question = page.getByRole('dialog', { name: 'Keep the data on this device?' });
  await question.waitFor();
  expect(await question.innerText()).toMatch(own);
  await question.getByRole('button', { name: answer }).click();
  await page.getByRole('heading', { name: 'Your account' }).waitFor();
}

const SYNC_TIMEOUT_MS = 30_000;

/** The status line says synced and nothing written here is waiting to be pushed. */
export async function waitUntilSynced(page: Page): Promise<void> {
  await syncStatusLine(page)
    .getByText(/^Synced /)
    .waitFor({ timeout: SYNC_TIMEOUT_MS });
  await expect.poll(() => pendingChanges(page), { timeout: SYNC_TIMEOUT_MS }).toBe(0);
}

/** On /items: adds an item through the form and waits for its card. */
export async function addItem(page: Page, name: string, weight = '100'): Promise<void> {
  await page.getByRole('button', { name: 'Add item' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Weight', { exact: true }).fill(weight);
  await page.getByRole('button', { name: 'Save item' }).click();
  await page.getByRole('article', { name }).waitFor();
}
