// The bench harness cannot rot: `npm run bench`'s runner with tiny sizes
// (PYB_BENCH_SMOKE=1), against the build this suite already needs. It checks that every
// script ran and every figure came out as a finite number; never a timing, which on a
// loaded machine would only make this flaky. The load run's errors and convergence are
// correctness, not timing, so they must hold even here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../server/paths';
import type { BenchRow } from '../scripts/bench-table';

// One or more rows from each script, in the runner's order.
const FIGURES = [
  'hlc tick + format',
  'mergeRow, 10 fields',
  'computeTotals, 1000 entries',
  'validateChange (one cell; no two in a row alike)',
  'GET /api/health through the full app',
  'sync merge throughput',
  'server peak RSS, first sync',
  'PostgreSQL sync merge throughput',
  'PostgreSQL, 2 users pushing at once: two instances vs one',
  'server peak RSS, 3 sign-ins at once during a first sync',
  'slowest of the 3 sign-ins',
  'first sync of',
  'first sync of',
  'first sync of',
  '100 edits from another device',
  'initial JS, gzip',
  'check-off p95, tap → committed',
  'check-off p95, tap → shown checked',
  'cold start offline',
  'import 40 rows',
  'import 200 rows',
  'shutdown on SIGTERM',
  'sync load p99',
  'sync load server time p99',
  'sync load errors',
  'sync load cells pushed',
  'sync load users converged',
  'sync load server peak RSS',
];

test('npm run bench, smoke sizes: every script runs and every figure is a finite number', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pyb-bench-smoke-'));
  try {
    const json = join(dir, 'bench.json');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench-all.ts'], {
      cwd: PACKAGE_ROOT,
      encoding: 'utf8',
      env: { ...process.env, PYB_BENCH_SMOKE: '1', PYB_BENCH_JSON: json },
      // Several scripts sign in or import through the built app in Chromium (one also runs
      // PouchDB's replication there): on a loaded 2-core machine that takes its time.
      timeout: 300_000,
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const { rows, failed } = JSON.parse(readFileSync(json, 'utf8')) as {
      rows: BenchRow[];
      failed: string[];
    };
    expect(failed).toEqual([]);
    expect(rows.map((r) => FIGURES.find((f) => r.figure.startsWith(f)))).toEqual(FIGURES);
    for (const r of rows) {
      expect(Number.isFinite(r.value), r.figure).toBe(true);
      if (r.ratio !== null) expect(Number.isFinite(r.ratio), r.figure).toBe(true);
    }
    const load = (prefix: string) => rows.find((r) => r.figure.startsWith(prefix));
    expect(load('sync load errors')?.value).toBe(0);
    expect(load('sync load users converged')?.met).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 310_000);
