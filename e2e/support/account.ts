// Driving accounts and sync from the browser tests: the /account form, the account link
// in the header, and what the device has not pushed yet.
import type { Locator, Page } from 'playwright-core';

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
