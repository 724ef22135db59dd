// The Storage interface (storage/storage.ts) on PostgreSQL: one connection pool shared
// by the modules beside this file, each one operation per call, locking the rows it
// decides on, so several instances on one database behave as one server.
import { redactDatabaseUrl, type Sql } from './connect';
import { createPostgresAudit } from './audit';
import { createPostgresJobs } from './jobs';
import { createPostgresKeyStore } from './key-store';
import { createPostgresLockout } from './lockout';
import { PostgresRateLimitStore } from './rate-limit-store';
import { createPostgresSessions } from './sessions';
import { createPostgresSyncStore } from './sync-store';
import { createPostgresUsers } from './users';
import type { Storage } from '../storage';

export interface PostgresStorageOptions {
  /** The database URL, shown (without its password) as the storage's location. */
  url: string;
  /** PYB_KEY_SECRET: encrypts the signing keys at rest; null stores them plain. */
  keySecret: string | null;
}

export function createPostgresStorage(sql: Sql, options: PostgresStorageOptions): Storage {
  return {
    engine: 'postgres',
    location: redactDatabaseUrl(options.url),
    users: createPostgresUsers(sql),
    sessions: createPostgresSessions(sql),
    lockout: createPostgresLockout(sql),
    audit: createPostgresAudit(sql),
    sync: createPostgresSyncStore(sql),
    keys: createPostgresKeyStore(sql, { secret: options.keySecret ?? undefined }),
    jobs: createPostgresJobs(sql),
    // Read on each call; the auth service keeps the value (auth/auth-service.ts).
    async refreshSecret() {
      const [row] = await sql<{ value: string }[]>`
        SELECT value FROM instance WHERE key = 'refresh_secret'`;
      if (!row) throw new Error('The refresh secret is missing: run the migrations.');
      return Buffer.from(row.value, 'hex');
    },
    rateLimitStore: (name) => new PostgresRateLimitStore(sql, { name }),
    async ping() {
      await sql`SELECT 1`;
    },
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}
