// The account export on SQLite: the user's cells in table and row order, assembled into
// rows by account/export.ts (the caller holds a read transaction for a snapshot).
import { assembleTables, type CellRow, type ExportedTables } from '../../account/export';
import type { Db } from '../../db/open';

export function exportTables(db: Db, userId: string): ExportedTables {
  return assembleTables(
    db
      .prepare<[string], CellRow>(
        'SELECT tbl, row_id, field, value FROM cells WHERE user_id = ? ORDER BY tbl, row_id',
      )
      .iterate(userId),
  );
}
