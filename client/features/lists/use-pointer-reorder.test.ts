import { describe, expect, it } from 'vitest';
import { dropIndex, edgeScrollSpeed } from './use-pointer-reorder';

// Rows 100 px tall starting at 0: midpoints 50, 150, 250, 350.
const mids = [50, 150, 250, 350];

describe('dropIndex', () => {
  it.each([
    [0, 10, 0],
    [0, 160, 1],
    [0, 400, 3],
    [3, 0, 0],
    [3, 140, 1],
    [2, 250, 2],
    [1, 100, 1],
    [1, 40, 0],
  ])('dragging row %i to y=%i lands at %i', (from, y, to) => {
    expect(dropIndex(mids, from, y)).toBe(to);
  });
});

describe('edgeScrollSpeed', () => {
  it('scrolls up near the top, down near the bottom, not in between', () => {
    expect(edgeScrollSpeed(0, 800)).toBeLessThan(0);
    expect(edgeScrollSpeed(400, 800)).toBe(0);
    expect(edgeScrollSpeed(799, 800)).toBeGreaterThan(0);
  });
});
