// Cold start offline to an interactive trip page of 2,000 items, beside the cold start of a
// minimal React + ReactDOM + Dexie app measured the same way in the same run (issue 13).
//
// Each app is installed first, online: its service worker takes control and its data is
// written (the app: the bench trip of bench-trip-page.ts; the peer: ITEMS rows it renders
// as ITEMS checkboxes, the least a trip page must do). Then, with both servers stopped and
// the browser offline, each run launches Chromium afresh on the app's on-disk profile (a
// new browser process: no page, no running service worker, no memory cache) and opens the
// page. The time is read in the page, from navigation start (`performance.timeOrigin`) to
// the moment all ITEMS checkboxes are in the document and the main thread is free again
// (a task queued when the last one appeared has run): the page shows the whole list and a
// tap would be handled. Runs alternate between the two apps, RUNS of each; the figure is
// the median. The service worker must have served the page (it is the only way offline).
//
// Run: npm run build && npx tsx scripts/bench-cold-start.ts
import { createReadStream, existsSync, statSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { requireBuild, startBuiltServer, tempDir } from '../e2e/support/server';
import { quantile, report, row, size } from './bench-table';
import { ITEMS, TRIP_BOXES, TRIP_ID, openSeededTrip } from './bench-trip-page';
import { launchPersistent } from '../e2e/support/chromium';
import { buildMinimalApp, linkedAssets } from './minimal-app';

const RUNS = size(5, 1);
/** Unmeasured starts of each first: the first launch after the install still settles the profile. */
const WARMUP = size(1, 0);

/** The peer: ITEMS checkboxes read from Dexie, and a service worker to start offline. */
const CHECKLIST_MAIN = `import { Dexie } from 'dexie';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const db = new Dexie('minimal');
db.version(1).stores({ items: 'id' });
void navigator.serviceWorker?.register('/sw.js');

interface Item { id: string; name: string; checked: boolean }

function App() {
  const [items, setItems] = useState<Item[] | null>(null);
  useEffect(() => {
    void db.table('items').toArray().then(setItems);
  }, []);
  if (items === null) return <p>Loading</p>;
  return (
    <ul>
      {items.map((item) => (
        <li key={item.id}>
          <label>
            <input type="checkbox" data-item={item.id} defaultChecked={item.checked} />
            {item.name}
          </label>
        </li>
      ))}
    </ul>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
`;

/** Cache-first for everything, the shell for every navigation: as the app's Workbox does. */
const minimalServiceWorker = (
  assets: string[],
) => `const ASSETS = ${JSON.stringify(['/index.html', ...assets])};
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open('minimal').then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  const request = event.request.mode === 'navigate' ? '/index.html' : event.request;
  event.respondWith(caches.match(request).then((hit) => hit || fetch(event.request)));
});
`;

const SEED_MINIMAL = `(async () => {
  const db = await new Promise((ok, fail) => {
    const r = indexedDB.open('minimal');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  const tx = db.transaction('items', 'readwrite');
  for (let i = 0; i < ${ITEMS}; i++) tx.objectStore('items').put({ id: 'item-' + i, name: 'Item ' + i, checked: false });
  await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
  db.close();
})()`;

// Installed before the page's own scripts: notes when the last checkbox appears, then
// when the task queued at that moment runs.
const WATCH_READY = `(() => {
  const observer = new MutationObserver(() => {
    if (document.querySelectorAll(${JSON.stringify(TRIP_BOXES)}).length < ${ITEMS}) return;
    observer.disconnect();
    setTimeout(() => (window.__ready = performance.now()), 0);
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

/** Serves `root` on loopback; unknown paths get index.html, as a single-page app needs. */
function serveStatic(root: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const asked = join(root, path);
    const file = asked.startsWith(root) && existsSync(asked) && statSync(asked).isFile();
    const served = file ? asked : join(root, 'index.html');
    res.setHeader('content-type', TYPES[extname(served)] ?? 'application/octet-stream');
    createReadStream(served).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
    ),
  );
}

/**
 * Opens `url` until a service worker controls it. A navigation retries an install that
 * failed (on a loaded machine a precache fetch can time out), so up to three.
 */
async function waitForServiceWorker(context: BrowserContext, url: string): Promise<void> {
  const page = context.pages()[0] ?? (await context.newPage());
  let failure: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (attempt > 0 || page.url() !== url) await page.goto(url);
    try {
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
        timeout: 40_000,
      });
      return;
    } catch (error) {
      failure = error;
    }
  }
  throw new Error(`no service worker took control of ${url}`, { cause: failure });
}

/** One cold start offline: a new browser on `profile`, ms to an interactive list. */
async function coldStart(profile: string, url: string): Promise<number> {
  const context = await launchPersistent(profile);
  try {
    await context.setOffline(true);
    await context.addInitScript(WATCH_READY);
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => '__ready' in globalThis, null, { timeout: 60_000 });
    const { ready, controlled } = await page.evaluate(() => ({
      ready: (globalThis as unknown as { __ready: number }).__ready,
      controlled: navigator.serviceWorker.controller !== null,
    }));
    if (!controlled) throw new Error(`${url} was not served by its service worker`);
    if (errors.length > 0) throw new Error(`page errors at ${url}:\n${errors.join('\n')}`);
    return ready;
  } finally {
    await context.close();
  }
}

async function measureColdStart(): Promise<{ app: number[]; minimal: number[] }> {
  requireBuild();
  const profiles = [tempDir('pyb-cold-app-'), tempDir('pyb-cold-minimal-')];
  const [appProfile, minimalProfile] = profiles.map((dir) => dir.path) as [string, string];
  const built = await buildMinimalApp(CHECKLIST_MAIN);
  try {
    const dist = join(built, 'dist');
    await writeFile(join(dist, 'sw.js'), minimalServiceWorker(await linkedAssets(dist)));
    const app = await startBuiltServer();
    const minimal = await serveStatic(dist);
    const appUrl = new URL(`/trips/${TRIP_ID}`, app.url).href;
    const minimalUrl = `${minimal.url}/`;
    try {
      const install = await launchPersistent(appProfile);
      try {
        const page = install.pages()[0] ?? (await install.newPage());
        await openSeededTrip(page, app.url);
        await waitForServiceWorker(install, appUrl);
      } finally {
        await install.close();
      }
      const installMinimal = await launchPersistent(minimalProfile);
      try {
        await waitForServiceWorker(installMinimal, minimalUrl);
        await installMinimal.pages()[0]?.evaluate(SEED_MINIMAL);
      } finally {
        await installMinimal.close();
      }
    } finally {
      await app.close();
      await new Promise((resolve) => minimal.server.close(resolve));
    }
    const times = { app: [] as number[], minimal: [] as number[] };
    for (let i = 0; i < WARMUP + RUNS; i += 1) {
      const a = await coldStart(appProfile, appUrl);
      const m = await coldStart(minimalProfile, minimalUrl);
      if (i < WARMUP) continue;
      times.app.push(a);
      times.minimal.push(m);
    }
    return times;
  } finally {
    await rm(built, { recursive: true, force: true });
    for (const dir of profiles) dir.remove();
  }
}

const { app, minimal } = await measureColdStart();
if (app.length !== RUNS || minimal.length !== RUNS)
  throw new Error(`cold start: ${app.length} and ${minimal.length} of ${RUNS} runs timed`);
const ours = quantile(app, 0.5);
const peer = quantile(minimal, 0.5);
console.log(
  `cold starts, ms: app ${app.map((t) => t.toFixed(0)).join(', ')}; ` +
    `minimal ${minimal.map((t) => t.toFixed(0)).join(', ')}`,
);
report([
  row({
    figure: `cold start offline to an interactive trip of ${ITEMS.toLocaleString('en')} items (Chromium, median of ${RUNS})`,
    value: ours,
    unit: 'ms',
    floor: `minimal React+ReactDOM+Dexie app, ${ITEMS.toLocaleString('en')} checkboxes: ${peer.toFixed(0)} ms`,
    ratio: ours / peer,
    goal: '',
    met: null,
  }),
]);
