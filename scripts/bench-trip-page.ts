// What the browser benches of the trip page share (bench-checkoff.ts, bench-cold-start.ts):
// the built server, a persistent Chromium profile on disk (IndexedDB and the service
// worker as in a real install; an in-memory profile would flatter every write), and a
// trip whose pack holds ITEMS items, written raw into the app's database.
import type { Page } from 'playwright-core';
import { size } from './bench-table';

export const ITEMS = size(2000, 100);
export const TRIP_ID = 'bench-trip';
const LISTS = 10;

// In-page code is passed as source text: the scripts are type-checked for Node, without
// the DOM library. Rows are written raw, with every field of docs/api.md, so the app reads
// them exactly as it reads its own (checks come later, through the app). `indexedDB.open`
// without a version opens the database the app has already created at its own version.
const SEED_TRIP = `(async () => {
  const ITEMS = ${ITEMS}, LISTS = ${LISTS}, TRIP = ${JSON.stringify(TRIP_ID)};
  const db = await new Promise((ok, fail) => {
    const r = indexedDB.open('packyourbag');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  const tables = ['items', 'lists', 'listEntries', 'packs', 'packLists', 'trips'];
  const tx = db.transaction(tables, 'readwrite');
  const key = (i) => 'a' + String(i).padStart(4, '0');
  tx.objectStore('packs').put({ id: 'bench-pack', name: 'Bench pack', notes: '', color: null, sortKey: 'a0', deleted: false });
  for (let l = 0; l < LISTS; l++) {
    const listId = 'bench-list-' + l;
    tx.objectStore('lists').put({ id: listId, name: 'List ' + l, notes: '', color: l % 10, sortKey: key(l), deleted: false });
    tx.objectStore('packLists').put({ id: 'bench-pack:' + listId, packId: 'bench-pack', listId, sortKey: key(l), deleted: false });
  }
  for (let i = 0; i < ITEMS; i++) {
    const itemId = 'bench-item-' + i, listId = 'bench-list-' + (i % LISTS);
    tx.objectStore('items').put({ id: itemId, name: 'Item ' + i, brand: '', weightGrams: 10 + (i % 500),
      weightUnit: null, priceCents: null, currency: null, url: null, notes: '', color: null, status: 'owned', deleted: false });
    tx.objectStore('listEntries').put({ id: listId + ':' + itemId, listId, itemId, qty: 1 + (i % 3), wornQty: 0,
      consumable: false, sortKey: key(i), deleted: false });
  }
  tx.objectStore('trips').put({ id: TRIP, name: 'Bench trip', packId: 'bench-pack', startDate: null, endDate: null,
    location: '', notes: '', color: null, checksResetAt: null, deleted: false });
  await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
  db.close();
})()`;

/** The trip page's checkboxes, one per item. */
export const TRIP_BOXES = 'input[type="checkbox"][data-item]';

/**
 * Opens the app once (it creates its database), seeds the trip and opens its page until
 * every item's checkbox is there. Returns the errors the page throws from now on.
 */
export async function openSeededTrip(page: Page, serverUrl: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(serverUrl);
  await page.locator('main h1').waitFor();
  await page.evaluate(SEED_TRIP);
  await page.goto(new URL(`/trips/${TRIP_ID}`, serverUrl).href);
  await page
    .locator(TRIP_BOXES)
    .nth(ITEMS - 1)
    .waitFor({ timeout: 60_000 });
  return errors;
}
