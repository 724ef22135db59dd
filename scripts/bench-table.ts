// The one shape every bench script reports in, and the table `npm run bench` prints.
// A script calls `report(rows)` once at the end: it prints its rows and, when run by
// scripts/bench-all.ts (PYB_BENCH_ROWS names a file), appends them there as JSON lines.
// A figure that is not a finite number is a broken measurement: `report` throws, so the
// script exits non-zero instead of printing NaN into the table.
import { appendFileSync } from 'node:fs';

export interface BenchRow {
  /** What is measured, e.g. "first sync of 10,000 items + entries". */
  figure: string;
  /** Our value, in `unit`. */
  value: number;
  unit: string;
  /** The floor or peer it is compared with, as text ("raw IDB put p95 3.1 ms"), or "". */
  floor: string;
  /** value ÷ floor where there is one; null for absolute figures. */
  ratio: number | null;
  /** "≤ 2×", "< 250 ms", or "" for a figure reported without a goal. */
  goal: string;
  /** Whether the goal is met; null when there is no goal. */
  met: boolean | null;
}

/** Smoke mode (PYB_BENCH_SMOKE=1): tiny sizes, so `npm test` proves the harness runs. */
export const SMOKE = process.env['PYB_BENCH_SMOKE'] === '1';

/** `full` normally, `smoke` under PYB_BENCH_SMOKE=1. */
export function size<T>(full: T, smoke: T): T {
  return SMOKE ? smoke : full;
}

/** The nearest-rank quantile `q` (0..1) of the samples. */
export function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * q) - 1)] ?? NaN;
}

export function row(fields: BenchRow): BenchRow {
  if (!Number.isFinite(fields.value))
    throw new Error(`bench "${fields.figure}": value is ${fields.value}, not a finite number`);
  if (fields.ratio !== null && !Number.isFinite(fields.ratio))
    throw new Error(`bench "${fields.figure}": ratio is ${fields.ratio}, not a finite number`);
  return fields;
}

export function report(rows: readonly BenchRow[]): void {
  if (rows.length === 0) throw new Error('bench: a script reported no rows');
  rows.forEach(row);
  console.log(formatTable(rows));
  const out = process.env['PYB_BENCH_ROWS'];
  if (out) appendFileSync(out, rows.map((r) => JSON.stringify(r) + '\n').join(''));
}

function formatValue(value: number, unit: string): string {
  const digits =
    Number.isInteger(value) || Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toLocaleString('en', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return unit ? `${text} ${unit}` : text;
}

export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['figure', 'ours', 'floor or peer', 'ratio', 'goal', 'met'];
  const cells = rows.map((r) => [
    r.figure,
    formatValue(r.value, r.unit),
    r.floor || '—',
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
    r.goal || '—',
    r.met === null ? '—' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]?.length ?? 0)));
  const line = (c: readonly string[]) =>
    '| ' + c.map((text, i) => text.padEnd(widths[i] ?? 0)).join(' | ') + ' |';
  const rule = '| ' + widths.map((w) => '-'.repeat(w)).join(' | ') + ' |';
  return [line(header), rule, ...cells.map(line)].join('\n');
}
