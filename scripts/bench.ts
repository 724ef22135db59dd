// `npm run bench`: micro-benchmarks of the hot paths, each printed as a ratio
// against a baseline measured in the same run on the same machine, because
// absolute figures on shared 2-core machines swing too much to compare across
// runs. A ratio of 3.0× means "three times the baseline's time per operation".
// "ours" is our operations a second; there is no goal, the ratio is watched for drift.
import { Hono } from 'hono';
import { Bench } from 'tinybench';
import { createTestApp } from '../server/test-support/fixture';
import { formatHlc, initialHlcState, tick } from '../shared/hlc';
import { mergeRow, type Cell } from '../shared/merge';
import { validateChange } from '../shared/validate-change';
import type { SyncChange } from '../shared/protocol';
import { computeTotals } from '../shared/weight';
import { report, row, size, type BenchRow } from './bench-table';

interface Pair {
  name: string;
  baseline: string;
  measured: () => unknown;
  reference: () => unknown;
}

const NODE = '0123456789abcdef';
const NOW = Date.UTC(2026, 10, 26);

function hlcPair(): Pair {
  let state = initialHlcState(NODE);
  let ms = NOW;
  return {
    name: 'hlc tick + format',
    baseline: 'Date#toISOString',
    measured: () => formatHlc((state = tick(state, NOW))),
    reference: () => new Date((ms += 1)).toISOString(),
  };
}

function mergePair(): Pair {
  const row = (offset: number): Record<string, Cell> =>
    Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [
        `f${i}`,
        { value: i, hlc: formatHlc({ millis: NOW + ((i + offset) % 3), counter: 0, node: NODE }) },
      ]),
    );
  const a = row(0);
  const b = row(1);
  return {
    name: 'mergeRow, 10 fields',
    baseline: 'object spread of 10 fields',
    measured: () => mergeRow(a, b),
    reference: () => ({ ...a, ...b }),
  };
}

function totalsPair(): Pair {
  const entries = Array.from({ length: 1000 }, (_, i) => ({
    weightGrams: (i * 37) % 900,
    qty: 1 + (i % 3),
    wornQty: i % 2,
    consumable: i % 7 === 0,
  }));
  return {
    name: 'computeTotals, 1000 entries',
    baseline: 'plain Σ weight×qty loop',
    measured: () => computeTotals(entries),
    reference: () => entries.reduce((sum, e) => sum + e.weightGrams * e.qty, 0),
  };
}

function validatePair(): Pair {
  // Distinct cells in turn: validation remembers the last valid id, hlc and value
  // (shared/validate-change.ts), and one cell checked over and over would only time that.
  const changes = Array.from({ length: 1000 }, (_, i) => ({
    table: 'items',
    id: `0193a1b2-c3d4-7e5f-8a9b-${i.toString(16).padStart(12, '0')}`,
    field: 'name',
    value: `Tent ${i}`,
    hlc: formatHlc({ millis: NOW, counter: i, node: NODE }),
  }));
  const texts = changes.map((change) => JSON.stringify(change));
  let next = 0;
  let nextText = 0;
  return {
    name: 'validateChange (one cell; no two in a row alike)',
    baseline: 'JSON.parse of the same change',
    measured: () => validateChange(changes[(next = (next + 1) % 1000)] as SyncChange, NODE, NOW),
    reference: () => JSON.parse(texts[(nextText = (nextText + 1) % 1000)] ?? '') as unknown,
  };
}

async function healthPair(): Promise<Pair & { close(): void }> {
  const t = await createTestApp({ env: { LOG_LEVEL: 'silent' } });
  t.deps.logger.level = 'silent';
  const bare = new Hono().get('/api/health', (c) => c.json({ status: 'ok', version: '1' }));
  return {
    name: 'GET /api/health through the full app',
    baseline: 'bare Hono JSON route',
    measured: () => t.app.request('/api/health'),
    reference: () => bare.request('/api/health'),
    close: t.close,
  };
}

async function run(pair: Pair): Promise<BenchRow> {
  const bench = new Bench({ time: size(400, 10), warmupTime: size(100, 5) });
  bench.add('measured', pair.measured).add('reference', pair.reference);
  // Alternate the two a few times so a noisy moment hits both, and keep the medians.
  const ratios: number[] = [];
  let hz = 0;
  for (let round = 0; round < 3; round += 1) {
    await bench.run();
    const [measured, reference] = bench.tasks.map((task) => task.result?.mean ?? NaN);
    ratios.push((measured ?? NaN) / (reference ?? NaN));
    hz = bench.tasks[0]?.result?.hz ?? 0;
  }
  const ratio = ratios.sort((x, y) => x - y)[1] ?? NaN;
  if (!(hz > 0)) throw new Error(`bench "${pair.name}": no operations measured`);
  return row({
    figure: pair.name,
    value: hz,
    unit: 'ops/s',
    floor: pair.baseline,
    ratio,
    goal: '',
    met: null,
  });
}

const health = await healthPair();
const rows: BenchRow[] = [];
try {
  for (const pair of [hlcPair(), mergePair(), totalsPair(), validatePair(), health])
    rows.push(await run(pair));
} finally {
  health.close();
}
report(rows);
