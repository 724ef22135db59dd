import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bySortKey } from '../domain/sort-order';
import { keyAfterLast, keyAt, keyForMove, keysAfterLast, newId } from './ids';

const rows = (...keys: string[]) => keys.map((sortKey, i) => ({ id: `r${i}`, sortKey }));
const order = (sorted: { id: string; sortKey: string }[]) => sorted.map((r) => r.id);

describe('ids and sort keys', () => {
  it('makes lowercase UUIDv7 ids that sort by creation', () => {
    const a = newId();
    const b = newId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });

  it('appends after the last row', () => {
    const sorted = rows('a0', 'a1');
    expect(keyAfterLast(sorted) > 'a1').toBe(true);
    expect(keyAfterLast([])).toBe('a0');
    const many = keysAfterLast(sorted, 3);
    expect([...many].sort()).toEqual(many);
    expect((many[0] ?? '') > 'a1').toBe(true);
  });

  it.each([
    [0, 2],
    [2, 0],
    [1, 0],
    [0, 1],
    [3, 1],
  ])('moves the row at %i to position %i', (from, to) => {
    const sorted = rows('a0', 'a1', 'a2', 'a3');
    const moved = sorted.map((r, i) =>
      i === from ? { ...r, sortKey: keyForMove(sorted, from, to) } : r,
    );
    const expected = order(sorted);
    const [taken] = expected.splice(from, 1);
    expected.splice(to, 0, taken ?? '');
    expect(order([...moved].sort(bySortKey))).toEqual(expected);
  });

  it('breaks sort-key ties by id and still finds a key next to a tie', () => {
    const tied = [
      { id: 'b', sortKey: 'a1' },
      { id: 'a', sortKey: 'a1' },
    ];
    expect(order([...tied].sort(bySortKey))).toEqual(['a', 'b']);
    // The moved row's id sorts before the tied ones, so a key equal to theirs would put it first.
    const sorted = [{ id: '0', sortKey: 'a0' }, ...[...tied].sort(bySortKey)];
    const moveTo = (to: number) => {
      const key = keyForMove(sorted, 0, to);
      const moved = sorted.map((r, i) => (i === 0 ? { ...r, sortKey: key } : r));
      return { key, order: order(moved.sort(bySortKey)) };
    };
    // Into the tie: no key lies strictly between equal keys, so the row goes just after it.
    const into = moveTo(1);
    expect(into.key > 'a1', `key ${into.key} after the tied a1`).toBe(true);
    expect(into.order).toEqual(['a', 'b', '0']);
    expect(moveTo(2)).toEqual({ key: into.key, order: ['a', 'b', '0'] });
    const first = moveTo(0);
    expect(first.key < 'a1', `key ${first.key} before the tied a1`).toBe(true);
    expect(first.order).toEqual(['0', 'a', 'b']);
  });

  it('puts a row coming from elsewhere at the asked position (past the end: last)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: -2, max: 9 }), (n, to) => {
        const sorted = rows(...keysAfterLast([], n));
        const incoming = { id: 'new', sortKey: keyAt(sorted, to) };
        const placed = order([...sorted, incoming].sort(bySortKey));
        expect(placed.indexOf('new')).toBe(Math.max(0, Math.min(to, n)));
      }),
    );
  });
});
