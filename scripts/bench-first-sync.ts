// `npm run bench` (first sync): a fresh device pulls an account of 10,000 items and
// their list entries (160,005 cells) with the real sync engine (merge, stamps, cursor,
// one transaction per page) into IndexedDB, against the floor of the same run: fetching
// the same pages and bulk-putting the same rows into a plain Dexie database. Target ≤ 2×.
// Node with fake-indexeddb and the app in process: both sides pay the same for both.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { createTestApp } from '../server/test-support/fixture';
import { MAX_PULL_LIMIT, type SyncChange } from '../shared/protocol';
import { createDevice, registerUser } from '../client/sync/test-support/device';
import { accountCells, ITEMS, NODE } from './bench-account';
import { report, row } from './bench-table';

const test = await createTestApp({ env: { LOG_LEVEL: 'silent' } });
test.deps.logger.level = 'silent';
const token = await registerUser(test.app);
const sync = async (body: object) => {
  const res = await test.app.request('/api/sync', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ protocol: 1, nodeId: NODE, since: '', changes: [], ...body }),
  });
  if (!res.ok) throw new Error(`sync answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { changes: SyncChange[]; cursor: string; more: boolean };
};
const cells = accountCells();
for (let i = 0; i < cells.length; i += 5000) {
  await sync({ limit: 1, changes: cells.slice(i, i + 5000) });
}

async function floorSeconds(): Promise<number> {
  const db = new Dexie('bench-floor');
  db.version(1).stores({
    items: 'id, name, status',
    lists: 'id',
    listEntries: 'id, listId, itemId',
  });
  const start = performance.now();
  let since = '';
  for (;;) {
    const page = await sync({ since, limit: MAX_PULL_LIMIT });
    const rows = new Map<string, Record<string, unknown>>();
    for (const c of page.changes) {
      const key = `${c.table}/${c.id}`;
      const row = rows.get(key) ?? { id: c.id };
      row[c.field] = c.value;
      rows.set(key, row);
    }
    for (const table of ['items', 'lists', 'listEntries']) {
      const mine = [...rows].filter(([k]) => k.startsWith(`${table}/`)).map(([, r]) => r);
      await db.table(table).bulkPut(mine);
    }
    since = page.cursor;
    if (!page.more) break;
  }
  const seconds = (performance.now() - start) / 1000;
  await db.delete();
  return seconds;
}

async function engineSeconds(): Promise<{ seconds: number; pulled: number }> {
  const device = createDevice({
    app: test.app,
    token,
    name: 'bench-first-sync',
    pullLimit: MAX_PULL_LIMIT,
  });
  const start = performance.now();
  const outcome = await device.sync();
  const seconds = (performance.now() - start) / 1000;
  if (outcome.kind !== 'synced') throw new Error(`first sync: ${JSON.stringify(outcome)}`);
  const items = await device.db.items.count();
  await device.destroy();
  if (items !== ITEMS) throw new Error(`expected ${ITEMS} items, got ${items}`);
  return { seconds, pulled: outcome.pulled };
}

const floor = await floorSeconds();
const engine = await engineSeconds();
test.close();
if (engine.pulled !== cells.length)
  throw new Error(`first sync pulled ${engine.pulled} of ${cells.length} cells`);
report([
  row({
    figure: `first sync of ${ITEMS.toLocaleString('en')} items + entries (fake-indexeddb)`,
    value: engine.seconds,
    unit: 's',
    floor: `fetch + bulkPut of the same rows ${floor.toFixed(2)} s`,
    ratio: engine.seconds / floor,
    goal: '≤ 2×',
    met: engine.seconds / floor <= 2,
  }),
]);
