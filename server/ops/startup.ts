// Start-up decisions main.ts delegates, so they are testable without a process:
// which warnings to log about the configuration, and whether the schema may be
// migrated here or must already be current (PYB_MIGRATE=off, where a separate
// step such as compose's `migrate` service alone changes the schema).
import type { Config } from '../config';
import { unknownVariableWarnings } from '../config-typos';
import { migrate, pendingMigrations, readMigrations, type Migration } from '../db/migrate';
import type { Db } from '../db/open';
import type { Sql } from '../storage/postgres/connect';
import { migratePostgres, pendingPostgresMigrations } from '../storage/postgres/migrate';

export function startupWarnings(config: Config, env: Record<string, string | undefined>): string[] {
  const warnings = unknownVariableWarnings(env);
  if (config.trustProxy && !config.metricsToken) {
    warnings.push(
      '/metrics is off (404): behind a proxy (PYB_TRUST_PROXY=true) every request comes from loopback, so it is served only with PYB_METRICS_TOKEN set',
    );
  }
  if (config.database && !config.keySecret) {
    warnings.push(
      'the signing keys are stored in PostgreSQL unencrypted: set PYB_KEY_SECRET (the same on every instance) to encrypt them',
    );
  }
  return warnings;
}

/** Thrown when PYB_MIGRATE=off and the schema is behind; the message says what to run. */
export class PendingMigrationsError extends Error {
  override name = 'PendingMigrationsError';
}

/** Applies pending migrations (PYB_MIGRATE=auto) or refuses to go on with any pending (off). */
export function prepareSchema(db: Db, config: Pick<Config, 'migrate'>, dir: string): number[] {
  const migrations = readMigrations(dir);
  if (config.migrate === 'auto') return migrate(db, migrations);
  refuseIfPending(pendingMigrations(db, migrations));
  return [];
}

/** prepareSchema for PostgreSQL: its own migrations (storage/postgres/migrations). */
export async function preparePostgresSchema(
  sql: Sql,
  config: Pick<Config, 'migrate'>,
): Promise<number[]> {
  if (config.migrate === 'auto') return migratePostgres(sql);
  refuseIfPending(await pendingPostgresMigrations(sql));
  return [];
}

function refuseIfPending(pending: readonly Migration[]): void {
  if (pending.length === 0) return;
  const names = pending.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}`).join(', ');
  throw new PendingMigrationsError(
    `The database needs migrations ${names} and PYB_MIGRATE=off forbids applying them here. ` +
      'Run "npm run migrate" (in the image: node dist/server/migrate-cli.js; with compose: ' +
      'docker compose run --rm migrate) and start the server again.',
  );
}
