// A fresh PostgreSQL database for one test, copied from the migrated template the
// global setup made (postgres-global-setup.ts): CREATE DATABASE … TEMPLATE takes
// tens of milliseconds, so every test starts from an empty, current schema.
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { connectPostgres } from '../storage/postgres/connect';
import { TEMPLATE_DATABASE, withDatabase } from './postgres-cluster';
import type {} from './postgres-context';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function freshPostgresDatabase(): Promise<TestDatabase> {
  const server = inject('postgresUrl');
  const name = `pyb_${randomBytes(6).toString('hex')}`;
  const admin = connectPostgres(server, { max: 1 });
  try {
    await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(server, name),
    async drop() {
      const again = connectPostgres(server, { max: 1 });
      try {
        await again.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await again.end();
      }
    },
  };
}
