// The per-field diff behind the HLC middleware (hlc-middleware.ts): which fields of a
// write get a fresh stamp in the row's `_hlc` map, and so a place in its outbox entry. Pure: the
// middleware reads the stored row and the clock, this decides.
export const CLOCK_FIELD = '_hlc';
export type Stamps = Record<string, string>;
export type StoredRow = Record<string, unknown> & { [CLOCK_FIELD]?: Stamps };

/** `id` is the key, not a cell; the stamps are bookkeeping. */
const UNSTAMPED_FIELDS = new Set(['id', CLOCK_FIELD]);

/** A write's change to one row: the outbox entry it makes (without its seq). */
export interface Change {
  table: string;
  id: unknown;
  values: Record<string, unknown>;
  hlc: string;
}

/** The outbox entry for the `changed` fields of a stamped row; null when none changed. */
export function changeOf(
  table: string,
  id: unknown,
  row: StoredRow,
  changed: readonly string[],
  hlc: string,
): Change | null {
  if (changed.length === 0) return null;
  const values: Record<string, unknown> = {};
  for (const field of changed) values[field] = row[field];
  return { table, id, values, hlc };
}

/**
 * The row with fresh stamps on the fields that changed (or that `forced` names), and
 * those fields. The field values are JSON-like primitives (see shared/schemas), so
 * Object.is is equality. A field whose value is undefined is not a cell: JSON has no
 * undefined, so it is neither stamped nor pushed.
 */
export function stampRow(
  next: StoredRow,
  previous: StoredRow | undefined,
  hlc: string,
  forced: ReadonlySet<string>,
): { row: StoredRow; changed: string[] } {
  const stamps: Stamps = { ...previous?.[CLOCK_FIELD] };
  const changed: string[] = [];
  for (const field of Object.keys(next)) {
    if (UNSTAMPED_FIELDS.has(field) || next[field] === undefined) continue;
    if (
      !previous ||
      !Object.is(previous[field], next[field]) ||
      stamps[field] === undefined ||
      forced.has(field)
    ) {
      stamps[field] = hlc;
      changed.push(field);
    }
  }
  return { row: { ...next, [CLOCK_FIELD]: stamps }, changed };
}
