// `npm run bench` (sync server part), against the production build on loopback:
// 1. merge throughput: cells a second through POST /api/sync in batches of
//    1000, against a raw better-sqlite3 batched upsert of the same cells into
//    the same table layout in the same run (target ≥ 0.5×);
// 2. the server's peak memory (RSS, sampled from /proc) while a fresh device
//    pulls an account of 10,000 items and their list entries (target < 200 MB).
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { startBuiltServer } from '../e2e/support/server';
import { accountCells, ITEMS, NODE } from './bench-account';
import { report, row } from './bench-table';
import type { SyncChange } from '../shared/protocol';
import { tempDir } from '../server/test-support/temp-dir';

const BATCH = 1000;

async function post(url: string, path: string, body: unknown, token?: string) {
  const res = await fetch(new URL(path, url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

function rawUpsertSeconds(cells: SyncChange[]): number {
  const dir = tempDir('pyb-bench-raw-');
  const db = new Database(join(dir.path, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE cells (user_id TEXT NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL,
    field TEXT NOT NULL, value TEXT NOT NULL, hlc TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (user_id, tbl, row_id, field)) STRICT, WITHOUT ROWID;
    CREATE UNIQUE INDEX cells_by_seq ON cells(user_id, seq);`);
  // The same key shape as the server's: a user id is a UUIDv7 string.
  const upsert = db.prepare(`INSERT INTO cells VALUES ('${uuidv7()}', ?, ?, ?, ?, ?, ?)
    ON CONFLICT (user_id, tbl, row_id, field) DO UPDATE SET value = excluded.value,
    hlc = excluded.hlc, seq = excluded.seq WHERE excluded.hlc > cells.hlc`);
  const batch = db.transaction((slice: SyncChange[], base: number) =>
    slice.forEach((c, i) =>
      upsert.run(c.table, c.id, c.field, JSON.stringify(c.value), c.hlc, base + i),
    ),
  );
  const t0 = performance.now();
  for (let i = 0; i < cells.length; i += BATCH) batch(cells.slice(i, i + BATCH), i + 1);
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  dir.remove();
  return seconds;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function signUp(url: string, email: string): Promise<string> {
  const session = await post(url, '/api/auth/register', { email, password: 'bench password' });
  return String(session.accessToken);
}

const cells = accountCells();
// docs/api.md allows 120 sync requests a minute per user: the throughput run sends
// 100 batches of 1000; the account for the first sync is pushed in batches of 5000.
const measuredCells = cells.slice(0, 100 * BATCH);
const server = await startBuiltServer();
try {
  let token = await signUp(server.url, 'throughput@example.com');
  const t0 = performance.now();
  for (let i = 0; i < measuredCells.length; i += BATCH) {
    const changes = measuredCells.slice(i, i + BATCH);
    await post(
      server.url,
      '/api/sync',
      { protocol: 1, nodeId: NODE, since: '', limit: 1, changes },
      token,
    );
  }
  const serverSeconds = (performance.now() - t0) / 1000;
  const rawSeconds = rawUpsertSeconds(measuredCells);
  const serverRate = measuredCells.length / serverSeconds;
  const rawRate = measuredCells.length / rawSeconds;
  const throughput = row({
    figure: 'sync merge throughput (batches of 1000)',
    value: serverRate,
    unit: 'cells/s',
    floor: `raw better-sqlite3 batched upsert ${Math.round(rawRate).toLocaleString('en')} cells/s`,
    ratio: serverRate / rawRate,
    goal: '≥ 0.5×',
    met: serverRate / rawRate >= 0.5,
  });

  token = await signUp(server.url, 'first-sync@example.com');
  for (let i = 0; i < cells.length; i += 5000) {
    const changes = cells.slice(i, i + 5000);
    await post(
      server.url,
      '/api/sync',
      { protocol: 1, nodeId: NODE, since: '', limit: 1, changes },
      token,
    );
  }
  // A fresh device pulls the whole account (pages of 5000) while /proc is sampled.
  const pid = server.child.pid ?? 0;
  let peak = rssMb(pid);
  const before = peak;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 10);
  let since = '';
  let pulled = 0;
  for (;;) {
    const page = await post(
      server.url,
      '/api/sync',
      { protocol: 1, nodeId: 'aaaaaaaaaaaaaaaa', since, limit: 5000, changes: [] },
      token,
    );
    pulled += (page.changes as unknown[]).length;
    since = String(page.cursor);
    if (!page.more) break;
  }
  clearInterval(sampler);
  if (pulled !== cells.length)
    throw new Error(`first sync pulled ${pulled} of ${cells.length} cells`);
  report([
    throughput,
    row({
      figure: `server peak RSS, first sync of ${ITEMS.toLocaleString('en')} items`,
      value: peak,
      unit: 'MB',
      floor: `${before.toFixed(0)} MB before the pull`,
      ratio: null,
      goal: '< 200 MB',
      met: peak < 200,
    }),
  ]);
} finally {
  await server.close();
}
