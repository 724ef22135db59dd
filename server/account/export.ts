// GET /api/account/export assembles every synced row of one user from their
// cells: one object per row with its id and its current value of each field
// (GDPR access and portability). Every table is present, even when empty.
import { TABLE_NAMES, type TableName } from '../../shared/schemas';

type Row = Record<string, unknown> & { id: string };
export type ExportedTables = Record<TableName, Row[]>;

export interface CellRow {
  tbl: string;
  row_id: string;
  field: string;
  value: string;
}

/** The rows of one user's cells, read in (tbl, row_id) order: each row's cells together. */
export function assembleTables(cells: Iterable<CellRow>): ExportedTables {
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, [] as Row[]])) as ExportedTables;
  let current: Row | undefined;
  for (const cell of cells) {
    const rows = tables[cell.tbl as TableName] as Row[] | undefined;
    if (!rows) continue; // a table this version no longer knows
    if (current?.id !== cell.row_id || rows.at(-1) !== current) {
      current = { id: cell.row_id };
      rows.push(current);
    }
    // Field names come from validated changes; defineProperty keeps even a
    // hostile "__proto__" an ordinary key.
    Object.defineProperty(current, cell.field, {
      value: JSON.parse(cell.value) as unknown,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return tables;
}
