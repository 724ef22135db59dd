// Cell merge: per-field last-writer-wins keyed by hlc (docs/architecture.md "Sync and merge").
//
// A cell is one field of one row with the hlc of the write that set it. Merging keeps the
// cell with the greater hlc [M1]; an equal hlc is the same write, so the stored (left) cell
// stays [M5]. Because the winner depends only on the hlcs, merging is commutative,
// associative and idempotent [M2-M4]: retries, duplicates and reordering cannot change the
// result. Client and server both merge with these functions.
import type { Hlc } from './hlc';

export interface Cell<V = unknown> {
  value: V;
  hlc: Hlc;
}

export type CellRow<V = unknown> = Readonly<Record<string, Cell<V> | undefined>>;

/**
 * [M8] Keys never copied from untrusted rows. `__proto__` from JSON.parse is an own key, and
 * assigning it to an ordinary object would replace that object's prototype; `constructor` and
 * `prototype` are the other keys that code reading the result could mistake for built-ins.
 * No table has fields with these names, so dropping them loses nothing.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

export function isSafeKey(key: string): boolean {
  return !FORBIDDEN_KEYS.has(key);
}

/** [M1][M5][M6] The winning cell; `undefined` (no cell yet) loses to anything. */
export function mergeCell<V>(a: Cell<V> | undefined, b: Cell<V>): Cell<V>;
export function mergeCell<V>(a: Cell<V>, b: Cell<V> | undefined): Cell<V>;
export function mergeCell<V>(a: Cell<V> | undefined, b: Cell<V> | undefined): Cell<V> | undefined;
export function mergeCell<V>(a: Cell<V> | undefined, b: Cell<V> | undefined): Cell<V> | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  // Plain string comparison is clock comparison [C2]; `>` keeps `a` on a tie.
  return b.hlc > a.hlc ? b : a;
}

/**
 * [M7] Merges two rows field by field; a field present on one side only is kept. The result
 * is a fresh object with a null prototype [M8], so even a key that slipped past the filter
 * could not reach Object.prototype; the inputs are never mutated.
 */
export function mergeRow<V>(a: CellRow<V>, b: CellRow<V>): Record<string, Cell<V>> {
  const result: Record<string, Cell<V>> = Object.create(null) as Record<string, Cell<V>>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!isSafeKey(key)) continue;
    const merged = mergeCell(ownCell(a, key), ownCell(b, key));
    if (merged !== undefined) result[key] = merged;
  }
  return result;
}

function ownCell<V>(row: CellRow<V>, key: string): Cell<V> | undefined {
  return Object.hasOwn(row, key) ? row[key] : undefined;
}
