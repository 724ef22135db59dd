// One row of a JSON backup (backup.ts) is the cells a device holds of it: `{id, _hlc,
// ...fields}`, where `_hlc[field]` is the hlc of the write that set `field` [B2]. Rows may
// be partial (a device that pulled half a row holds half a row), so a row is checked field
// by field with the same schemas as a sync change (P1), never as a whole row: every field
// present must be a field of the table with a valid value and a well-formed stamp, and
// every stamp must have its field. The first problem is the reason, with its path.
import { isHlc } from './hlc';
import { fieldSchemaFor, idSchemaFor, isJoinTable, joinPartMatches } from './schemas';
import type { TableName } from './schemas';

/** The key of a row's stamps, the same as in the device's own database. */
export const BACKUP_STAMPS = '_hlc';

export type BackupRow = { id: string; [BACKUP_STAMPS]: Record<string, string> } & Record<
  string,
  unknown
>;

export interface RowProblem {
  path: (string | number)[];
  message: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The cells of a row: every key but `id` and the stamps. */
export function fieldsOf(row: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(row).filter((key) => key !== 'id' && key !== BACKUP_STAMPS);
}

/** [B2] Why `row` is not a valid backup row of `table`, or null when it is one. */
export function rowProblem(table: TableName, row: unknown): RowProblem | null {
  if (!isRecord(row)) return problem([], 'a row must be an object with an id and _hlc');
  const { id } = row;
  if (!idSchemaFor(table).safeParse(id).success) return problem(['id'], `not a ${table} id`);
  const stamps = row[BACKUP_STAMPS];
  if (!isRecord(stamps)) return problem([BACKUP_STAMPS], 'must be an object of hlc stamps');
  for (const field of fieldsOf(row)) {
    const schema = fieldSchemaFor(table, field);
    if (!schema) return problem([field], `${table} has no such field`);
    const value = row[field];
    const parsed = schema.safeParse(value);
    if (!parsed.success) return problem([field], parsed.error.issues[0]?.message ?? 'invalid');
    if (isJoinTable(table) && !joinPartMatches(table, String(id), field, value))
      return problem([field], `does not match the row id`);
    const stamp = Object.hasOwn(stamps, field) ? stamps[field] : undefined;
    if (typeof stamp !== 'string' || !isHlc(stamp))
      return problem([BACKUP_STAMPS, field], 'missing or malformed hlc');
  }
  for (const field of Object.keys(stamps))
    if (!Object.hasOwn(row, field) || field === 'id' || field === BACKUP_STAMPS)
      return problem([BACKUP_STAMPS, field], 'a stamp for a field the row does not have');
  return null;
}

/** [B2] The first problem of a table's rows, a duplicate id included. */
export function rowsProblem(table: TableName, rows: readonly unknown[]): RowProblem | null {
  const seen = new Map<unknown, number>();
  for (const [index, row] of rows.entries()) {
    const found = rowProblem(table, row);
    if (found) return problem([index, ...found.path], found.message);
    const { id } = row as BackupRow;
    const first = seen.get(id);
    if (first !== undefined) return problem([index, 'id'], `the same id as row ${first}`);
    seen.set(id, index);
  }
  return null;
}

/** A path as it reads in JavaScript: `tables.items[3].weightGrams`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key))
      text += text ? `.${key}` : key;
    else text += `[${quote(String(key))}]`;
  }
  return text;
}

function problem(path: (string | number)[], message: string): RowProblem {
  return { path, message };
}

/** Untrusted text in a message: quoted, and cut short so a message stays a line. */
function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}
