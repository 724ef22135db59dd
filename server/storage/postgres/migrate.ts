// Numbered migrations for PostgreSQL (storage/postgres/migrations), with the same
// rules as SQLite's (db/migrate.ts): applied in order, once, checksummed. Several
// instances may start at once: an advisory lock held for the transaction lets one
// migrate while the others wait, then find nothing pending.
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../paths';
import { checksum, readMigrations, stillNeeded, type Migration } from '../../db/migrate';
import type { Sql } from './connect';
import type { Query } from './query';

export const POSTGRES_MIGRATIONS_DIR = join(
  PACKAGE_ROOT,
  'server',
  'storage',
  'postgres',
  'migrations',
);

/** Any fixed number: the lock only has to be the same in every instance. */
const MIGRATION_LOCK = 7_260_401;

async function appliedMigrations(sql: Query): Promise<Map<number, string>> {
  const [table] = await sql`SELECT to_regclass('schema_migrations') AS name`;
  if (!table?.name) return new Map();
  const rows = await sql<{ version: number; checksum: string }[]>`
    SELECT version, checksum FROM schema_migrations`;
  return new Map(rows.map((row) => [Number(row.version), row.checksum]));
}

/** The migrations the database still needs (throws if it is newer or one was edited). */
export async function pendingPostgresMigrations(
  sql: Sql,
  migrations: readonly Migration[] = readMigrations(POSTGRES_MIGRATIONS_DIR),
): Promise<Migration[]> {
  return stillNeeded(migrations, await appliedMigrations(sql));
}

/** Applies the pending migrations in one transaction; returns the versions applied now. */
export async function migratePostgres(
  sql: Sql,
  migrations: readonly Migration[] = readMigrations(POSTGRES_MIGRATIONS_DIR),
): Promise<number[]> {
  return sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at text NOT NULL)`;
    const pending = stillNeeded(migrations, await appliedMigrations(tx));
    for (const m of pending) {
      await tx.unsafe(m.sql);
      await tx`INSERT INTO schema_migrations (version, name, checksum, applied_at)
        VALUES (${m.version}, ${m.name}, ${checksum(m.sql)}, ${new Date().toISOString()})`;
    }
    return pending.map((m) => m.version);
  }) as Promise<number[]>;
}
