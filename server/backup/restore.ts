// `admin restore <file>`: puts a backup in place of the live database, offline.
//   1. Only while no server has the data directory (server-lock.ts), and it keeps any
//      server from starting until the swap is done.
//   2. The file must be a SQLite database that passes `integrity_check`, at a schema
//      this code can migrate to (the restored copy is migrated at once), and (unless forced) not
//      older than the tombstone horizon: rows deleted and purged since such a backup
//      was taken would come back on the server, and no device still holds the deletion.
//   3. The restored copy gets a new epoch (db/lineage.ts): every cursor handed out
//      before is refused with 410 `restore`, and each device sends every cell it holds
//      again, so edits made after the backup survive ([P6] in shared/SPEC.md).
//   4. The current database is kept aside, whole, with a timestamped name.
import Database from 'better-sqlite3';
import { closeSync, existsSync, linkSync, openSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { startNewEpoch } from '../db/lineage';
import { migrate, pendingMigrations, type Migration } from '../db/migrate';
import { closeDatabase, databasePath, openDatabase } from '../db/open';
import { BackupError, integrityProblems } from './backup';
import { takeExclusiveLock } from './server-lock';

export interface RestoreOptions {
  dataDir: string;
  backupFile: string;
  migrations: readonly Migration[];
  now: number;
  tombstoneDays: number;
  /** Restore even a backup older than the tombstone horizon. */
  force?: boolean;
}

export interface RestoreReport {
  restored: string;
  /** Where the database that was replaced now is (null: there was none). */
  keptAside: string | null;
  /** The migrations applied to the restored copy (a backup from an older version). */
  migrated: number[];
  backedUpAt: string | null;
}

const DAY_MS = 24 * 3600 * 1000;

export function restoreDatabase(options: RestoreOptions): RestoreReport {
  const source = resolve(options.backupFile);
  if (!existsSync(source)) throw new BackupError(`${source} does not exist.`);
  const lock = takeExclusiveLock(options.dataDir);
  if (!lock) {
    throw new BackupError(
      `A server is running on ${options.dataDir}: stop it first, then restore.`,
    );
  }
  const target = databasePath(options.dataDir);
  const incoming = `${target}.restoring`;
  try {
    const checked = checkBackup(source, options);
    rmSync(incoming, { force: true });
    copySnapshot(source, incoming);
    const copy = openDatabase(incoming);
    let migrated: number[];
    try {
      // Migrated here, not at the next start: the new epoch needs the current schema,
      // and the lineage must be recorded before any server hands out a cursor.
      migrated = migrate(copy, options.migrations);
      startNewEpoch(copy, options.now);
    } finally {
      closeDatabase(copy);
    }
    const keptAside = setAside(target, options.now);
    renameSync(incoming, target); // atomic: the old name points at the restored file
    return { restored: target, keptAside, migrated, backedUpAt: checked.backedUpAt };
  } finally {
    rmSync(incoming, { force: true }); // left only when something failed
    lock.release();
  }
}

/**
 * One consistent, owner-only copy of the backup through SQLite itself (`VACUUM INTO`
 * from a read-only connection): a backup that still has a `-wal` beside it is read
 * through it, which copying the file would miss.
 */
function copySnapshot(source: string, target: string): void {
  closeSync(openSync(target, 'wx', 0o600));
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
}

function checkBackup(file: string, options: RestoreOptions): Pick<RestoreReport, 'backedUpAt'> {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    throw new BackupError(`${file} is not a PackYourBag backup: ${(error as Error).message}`);
  }
  try {
    const problems = integrityProblems(db);
    if (problems) throw new BackupError(`${file} failed its integrity check: ${problems}`);
    let pending: Migration[];
    try {
      pending = pendingMigrations(db, options.migrations);
    } catch (error) {
      throw new BackupError(`${file} cannot be restored: ${(error as Error).message}`);
    }
    if (pending.length === options.migrations.length) {
      throw new BackupError(`${file} is not a PackYourBag backup: it has no schema.`);
    }
    const backedUpAt = readInstance(db, 'backed_up_at');
    const horizon = options.now - options.tombstoneDays * DAY_MS;
    if (backedUpAt && Date.parse(backedUpAt) < horizon && !options.force) {
      throw new BackupError(
        `${file} was taken on ${backedUpAt}, before the tombstone horizon ` +
          `(${options.tombstoneDays} days): rows deleted since could come back. ` +
          'Add --force to restore it anyway.',
      );
    }
    return { backedUpAt };
  } finally {
    db.close();
  }
}

function readInstance(db: Database.Database, key: string): string | null {
  try {
    const value = db.prepare('SELECT value FROM instance WHERE key = ?').pluck().get(key);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

/**
 * Keeps the current database under a timestamped name, whole: its `-wal` and `-shm` move
 * with it (a checkpoint is tried first, but a damaged database, the usual reason to
 * restore, is kept as it is). The main file is linked, not moved, so until the restored
 * copy is renamed over it the old name still opens the old database, never an empty one.
 */
function setAside(target: string, now: number): string | null {
  if (!existsSync(target)) return null;
  try {
    closeDatabase(openDatabase(target)); // folds the WAL into the main file
  } catch {
    // Not readable as a database: moved aside as it is.
  }
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const aside = `${target}.before-restore-${stamp}`;
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(`${target}${suffix}`)) renameSync(`${target}${suffix}`, `${aside}${suffix}`);
  }
  linkSync(target, aside);
  return aside;
}
