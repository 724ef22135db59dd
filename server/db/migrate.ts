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

/** The migrations not yet applied (all of them on a new database), without changing anything. */
export function pendingMigrations(db: Db, migrations: readonly Migration[]): Migration[] {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!table) return [...migrations];
  const applied = new Set(
    db
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
      .all()
      .map((row) => row.version),
  );
  return migrations.filter((m) => !applied.has(m.version));
}

const checksum = (sql: string) => createHash('sha256').update(sql).digest('hex');

/** Applies the pending migrations; returns the versions applied now. */
export function migrate(db: Db, migrations: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = new Map(
    db
      .prepare<[], { version: number; checksum: string }>(
        'SELECT version, checksum FROM schema_migrations',
      )
      .all()
      .map((row) => [row.version, row.checksum]),
  );
  const latestKnown = migrations.at(-1)?.version ?? 0;
  const newestApplied = Math.max(0, ...applied.keys());
  if (newestApplied > latestKnown) {
    throw new Error(
      `The database is at schema version ${newestApplied}, newer than this server (${latestKnown}). Upgrade the server.`,
    );
  }
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
  );
  const done: number[] = [];
  for (const m of migrations) {
    const known = applied.get(m.version);
    if (known !== undefined) {
      if (known !== checksum(m.sql))
        throw new Error(
          `Migration ${m.version}-${m.name} was changed after it was applied; add a new migration instead.`,
        );
      continue;
    }
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, checksum(m.sql), new Date().toISOString());
    })();
    done.push(m.version);
  }
  return done;
}
