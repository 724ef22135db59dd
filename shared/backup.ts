// The JSON backup of a device's data (issue 7; [B1]-[B3] in SPEC.md): every synced table,
// each row as the cells the device holds with their hlc stamps (backup-row.ts), so that
// restoring merges cell by cell like a sync answer and never overwrites a newer edit.
//
//   {"format": "packyourbag-backup", "version": 1, "exportedAt": "2026-06-01T09:30:00.000Z",
//    "tables": {"items": [{"id": "i1", "name": "Tent", "_hlc": {"name": "<hlc>"}}], ...}}
//
// Not in a backup: the device-local meta rows (node id, clock, pull cursor, signed-in
// account, sample ids) and the outbox. They describe this install, not the user's data;
// restoring them on another device would make two installs share a node id.
//
// Reading a backup is a trust boundary (docs/style.md habit 2): `parseBackup` checks everything
// and answers a human-readable reason for the first problem instead of throwing.
import { z } from 'zod';
import { formatPath, isRecord, rowsProblem } from './backup-row';
import type { BackupRow } from './backup-row';
import { TABLE_NAMES } from './schemas';
import type { TableName } from './schemas';

export { BACKUP_STAMPS, fieldsOf } from './backup-row';
export type { BackupRow } from './backup-row';

export const BACKUP_FORMAT = 'packyourbag-backup';
export const BACKUP_VERSION = 1;

export type BackupTables = Record<TableName, BackupRow[]>;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When the backup was made, ISO 8601 UTC. */
  exportedAt: string;
  tables: BackupTables;
}

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; error: string };

/** [B2] A table's rows: objects, checked field by field (rowsProblem), never copied. */
function rowsSchema(table: TableName) {
  return z
    .array(z.custom<BackupRow>(isRecord, 'a row must be an object'))
    .superRefine((rows, ctx) => {
      const found = rowsProblem(table, rows);
      if (found) ctx.addIssue({ code: 'custom', path: found.path, message: found.message });
    });
}

const tablesSchema = z.strictObject(
  Object.fromEntries(TABLE_NAMES.map((table) => [table, rowsSchema(table)])) as {
    [T in TableName]: ReturnType<typeof rowsSchema>;
  },
);

/** [B1] The whole file. Unknown keys (at the top or among the tables) are an error. */
export const backupSchema: z.ZodType<Backup> = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime({ precision: 3 }),
  tables: tablesSchema,
});

/** [B1] A backup of `tables` made at `exportedAt`; the rows must already be backup rows. */
export function makeBackup(tables: BackupTables, exportedAt: Date): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: exportedAt.toISOString(),
    tables,
  };
}

/** [B3] The backup in `text`, or why it cannot be restored, in words for the user. */
export function parseBackup(text: string): ParsedBackup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('This file is not a PackYourBag backup: it is not JSON.');
  }
  if (!isRecord(json) || json['format'] !== BACKUP_FORMAT)
    return fail('This file is not a PackYourBag backup.');
  const version = json['version'];
  if (typeof version === 'number' && version > BACKUP_VERSION)
    return fail(
      `This backup was made by a newer PackYourBag (format version ${version}). ` +
        'Update the app to restore it.',
    );
  const parsed = backupSchema.safeParse(json);
  if (parsed.success) return { ok: true, backup: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue ? formatPath(issue.path) : '';
  return fail(`This backup is damaged${where ? ` at ${where}` : ''}: ${issue?.message ?? '?'}.`);
}

function fail(error: string): ParsedBackup {
  return { ok: false, error };
}
