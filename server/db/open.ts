// Opens the server's SQLite database. WAL lets readers (health checks, pulls) run
// while one writer commits; NORMAL sync is durable across process crashes in WAL
// mode and only risks the last transactions on power loss, the usual trade-off.
import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type Db = Database.Database;

export const DATABASE_FILE = 'packyourbag.db';

export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE);
}

/** Opens (creating if needed) the database file; `':memory:'` is accepted for tests. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // Create the file owner-only before SQLite does (it would use 0644); SQLite
    // gives the -wal and -shm files the same mode as the database file.
    closeSync(openSync(file, 'a', 0o600));
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // SQLite's own default page cache, 2 MiB (better-sqlite3 builds with 16 MiB): pages it
  // drops are still in the operating system's file cache, and on a small machine the
  // 14 MiB are worth more to the process than a read() saved (scripts/bench-memory.ts).
  db.pragma('cache_size = -2000');
  // A second process (npm run migrate beside a running server) waits instead of failing.
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Checkpoints the WAL into the main file and closes; safe to call twice. */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
