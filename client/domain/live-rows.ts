// "Rows that refer to a deleted or missing parent are hidden when read, never an
// error" (docs/api.md). Sync has no foreign keys: a list deleted on the desktop while
// the phone added an item to it leaves an entry whose parent is gone. These
// helpers are the one place that decides what is visible.
// A row counts only when its `deleted` is exactly false: a row pulled in part (a
// page that ended halfway through it, or cells pushed for a row the server has
// purged) has no `deleted` yet and stays hidden until it is whole.
interface Deletable {
  id: string;
  deleted: boolean;
}

export const isLive = <T extends { deleted: boolean }>(row: T | undefined): row is T =>
  row !== undefined && row.deleted === false;

/** The live rows of `rows`, by id. */
export function liveById<T extends Deletable>(rows: Iterable<T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const row of rows) if (isLive(row)) map.set(row.id, row);
  return map;
}
