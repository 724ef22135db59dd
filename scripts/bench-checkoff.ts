// Check-off latency of the built app against its floor, both measured in one page of
// real Chromium (issue 4, "Tests and measurements"):
//   measured: a tap on a trip checklist checkbox (2,000 items in the pack) until the
//             check's IndexedDB transaction has committed, timed in the page from a
//             capturing `click` listener to the app's `pyb:check-committed` event
//             (model/trips.ts fires it once the transaction promise resolves);
//   floor:    a raw IndexedDB put → transaction `complete` in the same page, into a
//             scratch database holding 2,000 rows.
// Each is the p95 of 200 samples (10 in the smoke run) after 20 unmeasured warm-ups, taken alternately (one
// tap, one put) so both series see the same load. A persistent profile on disk,
// because IndexedDB in an in-memory profile would flatter both.
//
// Run: npm run build && npx tsx scripts/bench-checkoff.ts
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/chromium';
import { PACKAGE_ROOT } from '../server/paths';
import { spawnServer } from '../server/test-support/spawn-server';
import { quantile, report, row, size } from './bench-table';

const ITEMS = size(2000, 100);
const LISTS = 10;
const SAMPLES = size(200, 10);
const WARMUP = size(20, 2);
const TRIP_ID = 'bench-trip';

export interface CheckoffFigures {
  checkoffP95: number;
  floorP95: number;
  ratio: number;
  checkoffP50: number;
  floorP50: number;
  /** How many taps were timed (SAMPLES when every tap committed). */
  samples: number;
}

// In-page code is passed as source text: this script is type-checked for Node, without
// the DOM library. Rows are written raw, with every field of docs/api.md, so the app reads
// them exactly as it reads its own (checks come later, through the app).
const SEED = `(async () => {
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

const INSTRUMENT = `(() => {
  const bench = (window.__bench = { start: 0, samples: [] });
  document.addEventListener('click', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.dataset.item) bench.start = performance.now();
  }, true);
  window.addEventListener('pyb:check-committed', () => bench.samples.push(performance.now() - bench.start));
})()`;

// The floor's scratch database: 2,000 rows of the tripChecks shape, and one put per call
// of `window.__floorPut()`, timed from opening the transaction to its `complete`.
const FLOOR = `(async () => {
  const ROWS = ${ITEMS};
  await new Promise((ok) => { const r = indexedDB.deleteDatabase('bench-floor'); r.onsuccess = r.onerror = ok; });
  const db = await new Promise((ok, fail) => {
    const r = indexedDB.open('bench-floor', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('rows', { keyPath: 'id' });
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  const row = (i, checked) => ({ id: 't:' + i, tripId: 't', itemId: String(i), checked, deleted: false });
  const fill = db.transaction('rows', 'readwrite');
  for (let i = 0; i < ROWS; i++) fill.objectStore('rows').put(row(i, false));
  await new Promise((ok) => (fill.oncomplete = ok));
  let n = 0;
  window.__floorPut = async () => {
    const start = performance.now();
    const tx = db.transaction('rows', 'readwrite');
    tx.objectStore('rows').put(row((n++ * 7) % ROWS, true));
    await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
    return performance.now() - start;
  };
})()`;

/** What INSTRUMENT and FLOOR leave on `window`; functions run in the page read it so. */
interface InPage {
  __bench: { samples: number[] };
  __floorPut: () => Promise<number>;
  __committed: Promise<void>;
  addEventListener(type: string, listener: () => void, options: { once: boolean }): void;
}

/**
 * Taps and floor puts alternate, so both see the same machine: on a shared CI box a
 * burst of load would otherwise land on one series only.
 */
async function measure(page: Page): Promise<{ taps: number[]; floor: number[] }> {
  const boxes = page.locator('input[type="checkbox"][data-item]');
  const floor: number[] = [];
  // Spread over the whole list, so scrolled-away rows are tapped too.
  const step = Math.floor(ITEMS / (SAMPLES + WARMUP));
  for (let i = 0; i < SAMPLES + WARMUP; i += 1) {
    const box = boxes.nth(i * step);
    await box.scrollIntoViewIfNeeded();
    // Waiting on the commit event rather than polling: polling on animation frames
    // would keep the page rendering while the transaction runs and slow it down.
    await page.evaluate(() => {
      const page = globalThis as unknown as InPage;
      page.__committed = new Promise((resolve) =>
        page.addEventListener('pyb:check-committed', () => resolve(), { once: true }),
      );
    });
    await box.click();
    await page.evaluate(() => (globalThis as unknown as InPage).__committed);
    // The next tap waits until this one is shown too, as a person's would.
    await page.waitForFunction(
      (el) => (el as { checked?: boolean }).checked,
      await box.elementHandle(),
    );
    floor.push(await page.evaluate(() => (globalThis as unknown as InPage).__floorPut()));
  }
  const taps = await page.evaluate(() => (globalThis as unknown as InPage).__bench.samples);
  return { taps: taps.slice(WARMUP), floor: floor.slice(WARMUP) };
}

export async function measureCheckoff(): Promise<CheckoffFigures> {
  for (const file of ['dist/server/main.js', 'dist/client/index.html'])
    if (!existsSync(join(PACKAGE_ROOT, file)))
      throw new Error(`${file} is missing: run "npm run build" first.`);
  const dataDir = mkdtempSync(join(tmpdir(), 'pyb-bench-data-'));
  const profile = mkdtempSync(join(tmpdir(), 'pyb-bench-profile-'));
  const server = await spawnServer({
    command: process.execPath,
    args: ['dist/server/main.js'],
    dataDir,
    cwd: PACKAGE_ROOT,
    env: { LOG_LEVEL: 'warn' },
  });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 390, height: 800 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(server.url);
    await page.locator('main h1').waitFor();
    await page.evaluate(SEED);
    await page.goto(new URL(`/trips/${TRIP_ID}`, server.url).href);
    await page
      .locator('input[data-item]')
      .nth(ITEMS - 1)
      .waitFor({ timeout: 60_000 });
    await page.evaluate(INSTRUMENT);
    await page.evaluate(FLOOR);
    const { taps, floor } = await measure(page);
    if (errors.length > 0) throw new Error(`page errors during the bench:\n${errors.join('\n')}`);
    const checkoffP95 = quantile(taps, 0.95);
    const floorP95 = quantile(floor, 0.95);
    return {
      checkoffP95,
      floorP95,
      ratio: checkoffP95 / floorP95,
      checkoffP50: quantile(taps, 0.5),
      floorP50: quantile(floor, 0.5),
      samples: taps.length,
    };
  } finally {
    await context.close();
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatCheckoff(f: CheckoffFigures): string {
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  return (
    `check-off p95 ${ms(f.checkoffP95)} vs raw IDB put p95 ${ms(f.floorP95)}: ratio ${f.ratio.toFixed(2)}×` +
    `  (medians ${ms(f.checkoffP50)} vs ${ms(f.floorP50)}: ${(f.checkoffP50 / f.floorP50).toFixed(2)}×)`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const f = await measureCheckoff();
  console.log(formatCheckoff(f));
  if (f.samples !== SAMPLES) throw new Error(`check-off: ${f.samples} of ${SAMPLES} taps timed`);
  report([
    row({
      figure: `check-off p95, ${ITEMS.toLocaleString('en')} items (Chromium)`,
      value: f.checkoffP95,
      unit: 'ms',
      floor: `raw IndexedDB put p95 ${f.floorP95.toFixed(2)} ms`,
      ratio: f.ratio,
      goal: '',
      met: null,
    }),
  ]);
}
