// Who has the data directory: a running server, or a restore. Each server process holds a
// SHARED lock on `<data dir>/server.lock` (a tiny SQLite file in rollback-journal mode,
// so the lock is the operating system's file lock, released even when the process is
// killed); `admin restore` needs the EXCLUSIVE lock, which it cannot get while any server
// holds its shared one, and which keeps a server from starting while it swaps files.
// Nothing is inferred from pid files or the user's word.
import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'server.lock';

export interface HeldLock {
  release(): void;
}

function openLockFile(dataDir: string, timeoutMs: number): Database.Database {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, LOCK_FILE);
  closeSync(openSync(file, 'a', 0o600)); // owner-only, like every file in the folder
  const db = new Database(file, { timeout: timeoutMs });
  try {
    db.pragma('journal_mode = DELETE');
    db.exec('CREATE TABLE IF NOT EXISTS holder (since TEXT)');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

const isBusy = (error: unknown) =>
  typeof (error as { code?: unknown }).code === 'string' &&
  (error as { code: string }).code.startsWith('SQLITE_BUSY');

/** For the server: held until release() or the process ends. Throws while a restore runs. */
export function holdServerLock(dataDir: string): HeldLock {
  let db: Database.Database;
  try {
    db = openLockFile(dataDir, 2000);
    db.exec('BEGIN');
    db.prepare('SELECT count(*) FROM holder').get(); // takes the SHARED lock
  } catch (error) {
    if (isBusy(error)) {
      throw new Error(`A restore is running on ${dataDir}; start the server once it is done.`);
    }
    throw error;
  }
  return heldBy(db);
}

/** For a restore: the exclusive lock, or null while a server has the data directory. */
export function takeExclusiveLock(dataDir: string): HeldLock | null {
  const db = openLockFile(dataDir, 0);
  try {
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if (isBusy(error)) return null;
    throw error;
  }
  return heldBy(db);
}

/** The lock lasts as long as the open transaction; releasing ends it. */
function heldBy(db: Database.Database): HeldLock {
  return {
    release() {
      if (!db.open) return;
      db.exec('ROLLBACK');
      db.close();
    },
  };
}
