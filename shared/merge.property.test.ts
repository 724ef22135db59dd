import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { mergeCell, mergeRow } from './merge';
import type { Cell, CellRow } from './merge';
import { cellArb, cellRowArb } from './test-support/arbitraries';
import { checkProperty } from './test-support/property';

// Cells come from a small pool, so equal hlcs are frequent; the value is a function of the
// hlc because the laws hold only if honest nodes never reuse an hlc for another value [M5].
type Row = Record<string, Cell<string>>;

/** A row as sorted plain entries, so rows can be compared whatever their prototype. */
const entries = (row: CellRow<string>) =>
  Object.keys(row)
    .sort()
    .map((key) => [key, row[key]]);

const mergeAll = (rows: readonly Row[]): Row =>
  rows.reduce<Row>((acc, row) => mergeRow(acc, row), {});

describe('merge properties', () => {
  checkProperty(
    '[M1] the merged cell is an input with the greatest hlc',
    fc.property(cellArb, cellArb, (a, b) => {
      const merged = mergeCell(a, b);
      expect([a, b]).toContain(merged);
      expect(merged.hlc >= a.hlc && merged.hlc >= b.hlc).toBe(true);
    }),
  );

  checkProperty(
    '[M2] merge is commutative on cells',
    fc.property(cellArb, cellArb, (a, b) => {
      expect(mergeCell(a, b)).toEqual(mergeCell(b, a));
    }),
  );

  checkProperty(
    '[M3] merge is associative on cells',
    fc.property(cellArb, cellArb, cellArb, (a, b, c) => {
      expect(mergeCell(mergeCell(a, b), c)).toEqual(mergeCell(a, mergeCell(b, c)));
    }),
  );

  checkProperty(
    '[M4] merge is idempotent on cells',
    fc.property(cellArb, cellArb, (a, b) => {
      expect(mergeCell(a, a)).toBe(a);
      const ab = mergeCell(a, b);
      expect(mergeCell(ab, b)).toEqual(ab);
    }),
  );

  checkProperty(
    '[M2] merge is commutative on rows',
    fc.property(cellRowArb, cellRowArb, (a, b) => {
      expect(entries(mergeRow(a, b))).toEqual(entries(mergeRow(b, a)));
    }),
  );

  checkProperty(
    '[M3] merge is associative on rows',
    fc.property(cellRowArb, cellRowArb, cellRowArb, (a, b, c) => {
      expect(entries(mergeRow(mergeRow(a, b), c))).toEqual(entries(mergeRow(a, mergeRow(b, c))));
    }),
  );

  checkProperty(
    '[M4] merge is idempotent on rows',
    fc.property(cellRowArb, cellRowArb, (a, b) => {
      const ab = mergeRow(a, b);
      expect(entries(mergeRow(ab, b))).toEqual(entries(ab));
      expect(entries(mergeRow(ab, ab))).toEqual(entries(ab));
    }),
  );

  checkProperty(
    '[M2][M3][M4] devices converge: any order, with duplicates, gives the same row',
    fc.property(
      fc
        .array(cellRowArb, { minLength: 1, maxLength: 8 })
        .chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.shuffledSubarray([...rows, ...rows], { minLength: rows.length * 2 }),
          ),
        ),
      ([rows, replayed]) => {
        expect(entries(mergeAll(replayed))).toEqual(entries(mergeAll(rows)));
      },
    ),
  );

  checkProperty(
    '[M8] the merged row never has __proto__, constructor or prototype keys',
    fc.property(cellRowArb, cellRowArb, (a, b) => {
      const merged = mergeRow(a, b);
      expect(
        Object.keys(merged).filter((k) => ['__proto__', 'constructor', 'prototype'].includes(k)),
      ).toEqual([]);
      expect(Object.getPrototypeOf(merged)).toBeNull();
    }),
  );
});
