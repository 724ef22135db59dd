// A restore for in-process tests, where the app keeps its database connection open:
// every table takes the backup's rows, then the database starts a new epoch exactly as
// `admin restore` does (db/lineage.ts). The admin command itself swaps files while no
// server runs (backup/restore.ts, tested on its own); what devices see is the same.
import type { Db } from '../db/open';
import { startNewEpoch } from '../db/lineage';

export function restoreInPlace(db: Db, backupFile: string, now: number): void {
  db.prepare('ATTACH DATABASE ? AS snap').run(backupFile);
  try {
    const tables = db
      .prepare(
        "SELECT name FROM snap.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .pluck()
      .all() as string[];
    db.pragma('foreign_keys = OFF');
    db.transaction(() => {
      for (const table of tables) {
        db.exec(
          `DELETE FROM main."${table}"; INSERT INTO main."${table}" SELECT * FROM snap."${table}"`,
        );
      }
    })();
  } finally {
    db.pragma('foreign_keys = ON');
    db.exec('DETACH DATABASE snap');
  }
  startNewEpoch(db, now);
}
