// What the Chromium sync benchmarks share (bench-first-sync.ts, bench-pouchdb.ts): the
// built server on loopback with the bench account pushed to it through the sync API, a
// fresh on-disk Chromium profile, and the timings taken in it:
//   - our first sync, as a user gets it: the sign-in form submitted on /account of a fresh
//     device, timed from the click until every row of the account is in IndexedDB;
//   - its floor: the same pull pages fetched in the same page and their rows bulk-put into
//     a plain IndexedDB database, one transaction per page;
//   - 100 edits from another device: pushed through the API, then the time until this
//     device holds all of them after the app is told to sync (a `focus`, as when the user
//     comes back to the window).
// In-page code is passed as source text: these scripts are type-checked for Node, without
// the DOM library.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchPersistent } from '../e2e/support/chromium';
import { MAX_PULL_LIMIT, PROTOCOL_VERSION, type SyncChange } from '../shared/protocol';
import { formatHlc } from '../shared/hlc';
import { accountCells, ITEMS, LIST_ID, NODE } from './bench-account';

const PASSWORD = 'correct horse battery';
/** The account's rows: ITEMS items, ITEMS list entries and the list. */
export const ROWS = 2 * ITEMS + 1;
/** How many items the other device edits in the incremental case. */
export const EDITS = 100;
/** The other device's node id (it edits after NODE wrote everything). */
const EDITOR = 'facade0123456789';

async function post(url: string, path: string, body: unknown, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
  const res = await fetch(new URL(path, url), {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

export interface BenchAccount {
  email: string;
  token: string;
}

/** Registers an account and pushes the bench account's cells to it, as one device would. */
export async function seedAccount(url: string): Promise<BenchAccount> {
  const email = `bench-${Date.now()}@example.com`;
  const { accessToken } = await post(url, '/api/auth/register', { email, password: PASSWORD });
  if (typeof accessToken !== 'string') throw new Error('register gave no access token');
  const cells = accountCells();
  await pushCells(url, accessToken, NODE, cells);
  return { email, token: accessToken };
}

async function pushCells(url: string, token: string, nodeId: string, cells: readonly SyncChange[]) {
  for (let i = 0; i < cells.length; i += 5000) {
    const changes = cells.slice(i, i + 5000);
    await post(
      url,
      '/api/sync',
      { protocol: PROTOCOL_VERSION, nodeId, since: '', limit: 1, changes },
      token,
    );
  }
}

/** The bench account's item ids, in order (bench-account.ts). */
export function itemIds(): string[] {
  return accountCells()
    .filter((c) => c.table === 'items' && c.field === 'name')
    .map((c) => c.id);
}

/** Another device renames EDITS items to `Edited <n>` (one request). Resolves the ids. */
async function pushEdits(url: string, token: string): Promise<string[]> {
  const ids = itemIds().slice(0, EDITS);
  const millis = Date.now();
  const changes = ids.map((id, n) => ({
    table: 'items',
    id,
    field: 'name',
    value: `Edited ${n}`,
    hlc: formatHlc({ millis, counter: n, node: EDITOR }),
  }));
  await pushCells(url, token, EDITOR, changes);
  return ids;
}

/**
 * Waits, if need be, for the server's next rate-limit window (docs/api.md: 120 sync
 * requests a minute per user), so that `requests` more fit in the current one: the bench
 * pulls the same account several times in a row, and a 429 would stall what is timed.
 */
export async function awaitRateBudget(url: string, token: string, requests: number) {
  const res = await fetch(new URL('/api/sync', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      protocol: PROTOCOL_VERSION,
      nodeId: EDITOR,
      since: '',
      limit: 1,
      changes: [],
    }),
  });
  await res.arrayBuffer();
  const remaining = Number(res.headers.get('ratelimit-remaining') ?? 0);
  const reset = Number(res.headers.get('ratelimit-reset') ?? 60);
  if (res.ok && remaining >= requests) return;
  await new Promise((resolve) => setTimeout(resolve, (reset + 1) * 1000));
}

/** Pull requests a full pull of the bench account takes at `limit` cells a page. */
export const pullRequests = (limit: number) => Math.ceil((16 * ITEMS + 5) / limit) + 1;

export interface Profile {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A fresh on-disk profile: IndexedDB there behaves as on a user's disk. */
export async function launchProfile(): Promise<Profile> {
  const dir = mkdtempSync(join(tmpdir(), 'pyb-bench-profile-'));
  const context = await launchPersistent(dir);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
      if (errors.length > 0) throw new Error(`page errors during the bench:\n${errors.join('\n')}`);
    },
  };
}

/** In-page source: the app's database, opened at whatever version it has. */
const OPEN_APP_DB = `await new Promise((ok, fail) => {
  const r = indexedDB.open('packyourbag');
  r.onsuccess = () => ok(r.result);
  r.onerror = () => fail(r.error);
})`;

// Counting walks every key of the ranges, about 20,000 each poll: every 50 ms, that kept
// IndexedDB busy ahead of the app's own requests and slowed the sync it watches by about
// 0.4 s (each round's first read waited 22 ms instead of 8-9 when polled every second;
// measured in the page, the pages' transactions alike). So a poll first reads the
// account's last cell, one key: pages are taken in hlc order, each in one transaction, so
// the rows are counted only once that cell is in. The count still decides.
// How many of the account's rows the app's database holds (ids of the bench account only:
// the guest sample a fresh device starts with does not count). 0 before the tables exist,
// and before the account's last cell is in.
const countRows = () => `(async () => {
  const LIST = ${JSON.stringify(LIST_ID)};
  const LAST = ${JSON.stringify(accountCells().at(-1))};
  const db = ${OPEN_APP_DB};
  try {
    if (!db.objectStoreNames.contains('listEntries')) return 0;
    const tx = db.transaction(['items', 'lists', 'listEntries'], 'readonly');
    const lastRow = await new Promise((ok, fail) => {
      const r = tx.objectStore(LAST.table).get(LAST.id);
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    if (lastRow?.[LAST.field] === undefined) return 0;
    const count = (store, range) => new Promise((ok, fail) => {
      const r = tx.objectStore(store).count(range);
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const mine = (prefix) => IDBKeyRange.bound(prefix, prefix + '\\uffff');
    const counts = await Promise.all([
      count('items', mine('01935f3a-')),
      count('lists', IDBKeyRange.only(LIST)),
      count('listEntries', mine(LIST + ':')),
    ]);
    return counts.reduce((a, b) => a + b, 0);
  } finally {
    db.close();
  }
})()`;

/** Polls `done` in the page every 50 ms until it is true; resolves the ms since `start`. */
async function pollUntil(page: Page, done: () => Promise<boolean>, start: number, what: string) {
  const deadline = start + 300_000;
  for (;;) {
    // The sign-in may navigate: an evaluation cut off by it is simply tried again.
    const ok = await done().catch(() => false);
    if (ok) return performance.now() - start;
    if (performance.now() > deadline) throw new Error(`${what}: not done after 300 s`);
    await page.waitForTimeout(50);
  }
}

/**
 * A fresh device signs in on /account; resolves the ms from the click on "Sign in" until
 * all ROWS rows of the account are in its IndexedDB, and whether a progress count (a
 * `progressbar` with a value) was shown while it ran.
 */
export async function timeFirstSync(
  page: Page,
  url: string,
  email: string,
): Promise<{ ms: number; progressShown: boolean }> {
  await page.goto(new URL('/account', url).href);
  await page.getByRole('tab', { name: 'Sign in' }).click();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  const button = page.getByRole('button', { name: 'Sign in', exact: true });
  await button.waitFor();
  // Whether the bar was ever shown is watched in the page: polling for it from here could
  // miss a bar that comes and goes between two polls on a fast run.
  // (A string, not a function: tsx would add its __name helper, which the page lacks.)
  await page.evaluate(`{
    window.pybSawProgress = false;
    new MutationObserver((_, observer) => {
      if (!document.querySelector('progress[aria-label="Sync progress"][value]')) return;
      window.pybSawProgress = true;
      observer.disconnect();
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  }`);
  const start = performance.now();
  await button.click();
  const ms = await pollUntil(
    page,
    async () => (await page.evaluate(countRows())) === ROWS,
    start,
    'first sync',
  );
  const progressShown = await page.evaluate(
    () => (window as { pybSawProgress?: boolean }).pybSawProgress === true,
  );
  return { ms, progressShown };
}

// The floor: the same pull pages (from "", `limit` cells each) fetched in the page, each
// folded into rows and bulk-put into a plain database, one transaction per page.
const floorSource = (token: string, limit: number) => `(async () => {
  await new Promise((ok) => { const r = indexedDB.deleteDatabase('bench-floor'); r.onsuccess = r.onerror = ok; });
  const db = await new Promise((ok, fail) => {
    const r = indexedDB.open('bench-floor', 1);
    r.onupgradeneeded = () => {
      for (const name of ['items', 'lists', 'listEntries']) r.result.createObjectStore(name, { keyPath: 'id' });
    };
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  const start = performance.now();
  let since = '', pages = 0;
  for (;;) {
    const res = await fetch('/api/sync', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ${token}' },
      body: JSON.stringify({ protocol: ${PROTOCOL_VERSION}, nodeId: '0123456789abcdef', since, limit: ${limit}, changes: [] }),
    });
    if (!res.ok) throw new Error('floor pull answered ' + res.status + ' after ' + pages + ' pages: ' + await res.text());
    pages += 1;
    const page = await res.json();
    const byKey = new Map();
    for (const c of page.changes) {
      const key = c.table + '/' + c.id;
      let row = byKey.get(key);
      if (!row) byKey.set(key, (row = { table: c.table, value: { id: c.id } }));
      row.value[c.field] = c.value;
    }
    const tx = db.transaction(['items', 'lists', 'listEntries'], 'readwrite');
    for (const { table, value } of byKey.values()) tx.objectStore(table).put(value);
    await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
    since = page.cursor;
    if (!page.more) break;
  }
  const ms = performance.now() - start;
  const check = db.transaction(['items', 'lists', 'listEntries']);
  const counts = await Promise.all(['items', 'lists', 'listEntries'].map((s) => new Promise((ok) => {
    const r = check.objectStore(s).count(); r.onsuccess = () => ok(r.result);
  })));
  db.close();
  await new Promise((ok) => { const r = indexedDB.deleteDatabase('bench-floor'); r.onsuccess = r.onerror = ok; });
  return { ms, rows: counts.reduce((a, b) => a + b, 0) };
})()`;

/** The floor in this page (of the app's origin); resolves its ms. */
export async function timeFloor(
  page: Page,
  token: string,
  limit = MAX_PULL_LIMIT,
): Promise<number> {
  const { ms, rows } = await page.evaluate<{ ms: number; rows: number }>(floorSource(token, limit));
  if (rows !== ROWS) throw new Error(`the floor put ${rows} of ${ROWS} rows`);
  return ms;
}

/**
 * Another device edits EDITS items; this (signed-in, synced) page is then told to sync as
 * the app is when the user comes back to it (a window `focus`). Resolves the ms from that
 * until every edit is in this device's IndexedDB.
 */
export async function timeIncremental(page: Page, url: string, token: string): Promise<number> {
  const ids = await pushEdits(url, token);
  const allEdited = `(async () => {
    const ids = ${JSON.stringify(ids)};
    const db = ${OPEN_APP_DB};
    const tx = db.transaction('items');
    const rows = await Promise.all(ids.map((id) => new Promise((ok) => {
      const r = tx.objectStore('items').get(id); r.onsuccess = () => ok(r.result);
    })));
    db.close();
    return rows.every((row, n) => row && row.name === 'Edited ' + n);
  })()`;
  const start = performance.now();
  await page.evaluate('window.dispatchEvent(new Event("focus"))');
  return pollUntil(page, async () => (await page.evaluate(allEdited)) === true, start, 'edits');
}
