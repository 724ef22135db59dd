// One verified backup of the live database, safe while the server serves writes: a
// consistent snapshot (see BackupMethod for the two ways it is taken). The copy is
// written beside its final name, checked with `PRAGMA integrity_check`, stamped with
// the time it was taken, and only then renamed into place, so a backup file that
// exists is a whole, checked one. Owner-only: it holds password hashes.
import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Db } from '../db/open';

export interface BackupReport {
  file: string;
  bytes: number;
  /** The highest sync sequence number any user had when the copy was taken. */
  lastSeq: number;
  cells: number;
}

/** A problem the operator can act on; the admin command prints its message as is. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/**
 * How the copy is taken:
 *   online    SQLite's backup API, a few pages at a time without blocking the event
 *             loop; a write through ANOTHER connection restarts it, so only the server
 *             uses it, on its own connection (scheduled backups);
 *   snapshot  `VACUUM INTO`: one read transaction, never restarted however busy the
 *             server is (writers go on in WAL mode); blocks the calling thread, which is
 *             what the admin command, a process of its own, wants.
 */
export type BackupMethod = 'online' | 'snapshot';

export async function backupDatabase(
  db: Db,
  target: string,
  now: number,
  method: BackupMethod = 'online',
): Promise<BackupReport> {
  const file = resolve(target);
  if (existsSync(file)) throw new BackupError(`${file} already exists; choose a new name.`);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  // Owner-only from its first byte: it holds password hashes and the refresh secret.
  closeSync(openSync(partial, 'wx', 0o600));
  try {
    if (method === 'snapshot') db.prepare('VACUUM INTO ?').run(partial);
    else await db.backup(partial);
    const report = verifyAndStamp(partial, now);
    renameSync(partial, file);
    return { file, bytes: statSync(file).size, ...report };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** `integrity_check` must say ok; then the copy records when it was taken. */
function verifyAndStamp(file: string, now: number): Pick<BackupReport, 'lastSeq' | 'cells'> {
  const copy = new Database(file);
  try {
    // One self-contained file: no -wal beside it to lose when it is copied elsewhere.
    copy.pragma('journal_mode = DELETE');
    const verdict = integrityProblems(copy);
    if (verdict) throw new BackupError(`The backup copy failed its integrity check: ${verdict}`);
    copy
      .prepare(
        `INSERT INTO instance (key, value) VALUES ('backed_up_at', ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      )
      .run(new Date(now).toISOString());
    const lastSeq = copy.prepare('SELECT coalesce(max(last_seq), 0) FROM sync_state').pluck().get();
    const cells = copy.prepare('SELECT count(*) FROM cells').pluck().get();
    return { lastSeq: Number(lastSeq), cells: Number(cells) };
  } finally {
    copy.close();
  }
}

/** null when `PRAGMA integrity_check` says ok, else its first complaints. */
export function integrityProblems(db: Db): string | null {
  const rows = db.prepare('PRAGMA integrity_check').pluck().all() as string[];
  return rows.length === 1 && rows[0] === 'ok' ? null : rows.slice(0, 5).join('; ');
}
