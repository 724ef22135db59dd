import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cursorAt, cursorPosition, rowIndexOf, rowKeyAt } from './data-grid-cursor';
import type { GridShape } from './data-grid-cursor';

const COLS = ['name', 'weight', 'worn'];
const shapeOf = (rowIds: string[], hasNewRow = true): GridShape => ({
  rowIds,
  colKeys: COLS,
  hasNewRow,
});

describe('the DataGrid cursor', () => {
  it('follows its row when a row is inserted above it', () => {
    const before = shapeOf(['a', 'b', 'c']);
    const cursor = cursorAt(before, 1, 1);
    expect(cursor).toEqual({ row: 'b', col: 'weight', index: 1 });
    expect(cursorPosition(shapeOf(['z', 'a', 'b', 'c']), cursor)).toEqual({ row: 2, col: 1 });
  });

  it('stays at its position, on the row that took its place, when its row goes', () => {
    const cursor = cursorAt(shapeOf(['a', 'b', 'c']), 1, 0);
    expect(cursorPosition(shapeOf(['a', 'c']), cursor)).toEqual({ row: 1, col: 0 });
    // The last row gone: the cursor falls back onto the grid, never past its end.
    const last = cursorAt(shapeOf(['a', 'b'], false), 1, 2);
    expect(cursorPosition(shapeOf(['a'], false), last)).toEqual({ row: 0, col: 2 });
  });

  it('keeps the new row (key null) as the rows above it grow', () => {
    const cursor = cursorAt(shapeOf(['a']), 5, 0);
    expect(cursor.row).toBeNull();
    expect(cursorPosition(shapeOf(['a', 'b', 'c']), cursor)).toEqual({ row: 3, col: 0 });
    expect(rowIndexOf(shapeOf(['a'], false), null)).toBe(-1);
  });

  it('finds its row wherever the rows are shuffled, inserted or removed around it', () => {
    const ids = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1 });
    fc.assert(
      fc.property(ids, ids, fc.nat(), fc.nat(2), (before, others, pick, col) => {
        const index = pick % before.length;
        const cursor = cursorAt(shapeOf(before), index, col);
        const kept = before[index] ?? '';
        // Any order of any rows, as long as the cursor's row is among them.
        const after = [...new Set([...others, kept])].sort();
        const at = cursorPosition(shapeOf(after), cursor);
        expect(after[at.row]).toBe(kept);
        expect(COLS[at.col]).toBe(COLS[col]);
        expect(rowKeyAt(shapeOf(after), at.row)).toBe(kept);
      }),
    );
  });
});
