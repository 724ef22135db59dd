// Where a DataGrid's active cell and open edit are (data-grid.tsx), held by the row's id
// and the column's key rather than by position: a sync or another tab can insert, remove
// or reorder rows while a cell has focus or an edit is open, and a position would then
// point at another entry. Pure, so the rules can be tested without a browser.

/** A row's id, or null for the empty last row that adds an item. */
export type RowKey = string | null;

export interface GridCursor {
  row: RowKey;
  col: string;
  /**
   * The row's position when it was last seen: when the row goes (removed here or
   * elsewhere), the cursor stays at that position, on the row that took its place.
   */
  index: number;
}

export interface GridShape {
  rowIds: readonly string[];
  colKeys: readonly string[];
  hasNewRow: boolean;
}

const clamp = (n: number, last: number) => Math.max(0, Math.min(n, last));

/** The position of row `row` in the grid, or -1 when it is not there (any more). */
export function rowIndexOf(shape: GridShape, row: RowKey): number {
  if (row === null) return shape.hasNewRow ? shape.rowIds.length : -1;
  return shape.rowIds.indexOf(row);
}

/** The row at position `index` (clamped into the grid). */
export function rowKeyAt(shape: GridShape, index: number): RowKey {
  const last = shape.rowIds.length + (shape.hasNewRow ? 1 : 0) - 1;
  return shape.rowIds[clamp(index, last)] ?? null;
}

/** The cursor on the cell at (row, col), positions clamped into the grid. */
export function cursorAt(shape: GridShape, row: number, col: number): GridCursor {
  const last = shape.rowIds.length + (shape.hasNewRow ? 1 : 0) - 1;
  const index = clamp(row, last);
  return {
    row: rowKeyAt(shape, index),
    col: shape.colKeys[clamp(col, shape.colKeys.length - 1)] ?? '',
    index,
  };
}

/** Where the cursor's cell is now: its row's current position, or its last one if it went. */
export function cursorPosition(shape: GridShape, cursor: GridCursor): { row: number; col: number } {
  const last = shape.rowIds.length + (shape.hasNewRow ? 1 : 0) - 1;
  const found = rowIndexOf(shape, cursor.row);
  const col = shape.colKeys.indexOf(cursor.col);
  return {
    row: found >= 0 ? found : clamp(cursor.index, last),
    col: col >= 0 ? col : 0,
  };
}
