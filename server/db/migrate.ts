// Numbered SQL migrations. Files in server/db/migrations are named
// `NNNN-description.sql` and applied in numeric order, each in its own
// transaction, exactly once. The checksum of every applied file is recorded so
// an edited, already-applied migration is reported instead of silently ignored:
// fix-forward with a new file, never rewrite history.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './open';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_NAME = /^(\d{4})-([a-z0-9-]+)\.sql$/;

export function readMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = FILE_NAME.exec(file);
      if (!match?.[1] || !match[2])
        throw new Error(`Migration file name must be NNNN-name.sql: ${file}`);
      return {
        version: Number(match[1]),
        name: match[2],
        sql: readFileSync(join(dir, file), 'utf8'),
      };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(
        `Migrations must be numbered 0001, 0002, … without gaps; found ${m.version} at position ${i + 1}`,
      );
  });
  return migrations;
}

export const checksum = (sql: string) => createHash('sha256').update(sql).digest('hex');

const SCHEMA_MIGRATIONS = `CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`;

/**
 * The migrations this database still needs, after checking that it can get them: it is
 * not newer than this server and no applied migration was edited since. Throws otherwise.
 * Reads only (a database without the bookkeeping table needs every migration).
 */
export function pendingMigrations(db: Db, migrations: readonly Migration[]): Migration[] {
  const hasTable = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  const applied = new Map(
    hasTable
      ? db
          .prepare<[], { version: number; checksum: string }>(
            'SELECT version, checksum FROM schema_migrations',
          )
          .all()
          .map((row) => [row.version, row.checksum])
      : [],
  );
  return stillNeeded(migrations, applied);
}

/**
 * Of `migrations`, those not in `applied` (version → checksum), after checking the
 * database can get them: not newer than this server, no applied migration edited since.
 * Shared with the PostgreSQL runner (storage/postgres/migrate.ts).
 */
export function stillNeeded(
  migrations: readonly Migration[],
  applied: ReadonlyMap<number, string>,
): Migration[] {
  const latestKnown = migrations.at(-1)?.version ?? 0;
  const newestApplied = Math.max(0, ...applied.keys());
  if (newestApplied > latestKnown) {
    throw new Error(
      `The database is at schema version ${newestApplied}, newer than this server (${latestKnown}). Upgrade the server.`,
    );
  }
  return migrations.filter((m) => {
    const known = applied.get(m.version);
    if (known === undefined) return true;
    if (known !== checksum(m.sql))
      throw new Error(
        `Migration ${m.version}-${m.name} was changed after it was applied; add a new migration instead.`,
      );
    return false;
  });
}

/** Applies the pending migrations; returns the versions applied now. */
export function migrate(db: Db, migrations: readonly Migration[]): number[] {
  db.exec(SCHEMA_MIGRATIONS);
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
  );
  const done: number[] = [];
  for (const m of pendingMigrations(db, migrations)) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, checksum(m.sql), new Date().toISOString());
    })();
    done.push(m.version);
  }
  return done;
}
