// `npm run bench` (after the build): runs every bench script in order, each in its own
// process as before, collects the rows each one reports (scripts/bench-table.ts), and
// ends with one table of all of them; writes the same rows to bench.json (git-ignored;
// PYB_BENCH_JSON names another file). A script that exits non-zero, or reports no rows,
// fails the whole run after the others have run, naming it.
// PYB_BENCH_SMOKE=1 runs everything with tiny sizes (e2e/bench-smoke.test.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable, SMOKE, type BenchRow } from './bench-table';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** In the order `npm run bench` always ran them. */
export const SCRIPTS = [
  'bench.ts',
  'bench-sync-server.ts',
  'bench-postgres.ts',
  'bench-memory.ts',
  'bench-first-sync.ts',
  'bench-pouchdb.ts',
  'bench-bundle.ts',
  'bench-checkoff.ts',
  'bench-cold-start.ts',
  'bench-import.ts',
  'bench-shutdown.ts',
  'bench-load.ts',
];

const scratch = mkdtempSync(join(tmpdir(), 'pyb-bench-'));
const rows: BenchRow[] = [];
const failed: string[] = [];
try {
  for (const script of SCRIPTS) {
    const out = join(scratch, `${script}.jsonl`);
    console.log(`\n=== ${script}${SMOKE ? ' (smoke sizes)' : ''}`);
    const started = Date.now();
    const { status, signal } = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts', script)],
      { cwd: ROOT, stdio: 'inherit', env: { ...process.env, PYB_BENCH_ROWS: out } },
    );
    const mine = existsSync(out)
      ? readFileSync(out, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as BenchRow)
      : [];
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (status !== 0 || mine.length === 0) {
      const why = status !== 0 ? `exit ${status ?? signal}` : 'no rows reported';
      console.error(`=== ${script}: FAILED (${why}) in ${seconds} s`);
      failed.push(`${script} (${why})`);
      continue;
    }
    console.log(`=== ${script}: ok in ${seconds} s`);
    rows.push(...mine);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const json = process.env['PYB_BENCH_JSON'] ?? join(ROOT, 'bench.json');
writeFileSync(
  json,
  JSON.stringify({ date: new Date().toISOString(), smoke: SMOKE, rows, failed }, null, 2) + '\n',
);
console.log(`\nPackYourBag bench${SMOKE ? ' (SMOKE sizes: not figures to quote)' : ''}\n`);
console.log(formatTable(rows));
console.log(`\n(rows also in ${json})`);
if (failed.length > 0) {
  console.error(`\nbench FAILED: ${failed.join(', ')}`);
  process.exit(1);
}
