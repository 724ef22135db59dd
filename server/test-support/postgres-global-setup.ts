// vitest globalSetup of the server project: one throwaway PostgreSQL cluster for the
// whole run (postgres-cluster.ts), with a template database already migrated, so each
// test that needs PostgreSQL gets a fresh database cheaply (postgres.ts). Set
// PYB_TEST_POSTGRES_URL to use a server of your own instead (its superuser URL).
import type { TestProject } from 'vitest/node';
import { connectPostgres } from '../storage/postgres/connect';
import { migratePostgres } from '../storage/postgres/migrate';
import { startPostgresCluster, TEMPLATE_DATABASE, withDatabase } from './postgres-cluster';
import type {} from './postgres-context';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const own = process.env['PYB_TEST_POSTGRES_URL'];
  const cluster = own ? undefined : await startPostgresCluster();
  const url = own ?? cluster?.url ?? '';
  const admin = connectPostgres(url, { max: 1 });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const template = connectPostgres(withDatabase(url, TEMPLATE_DATABASE), { max: 1 });
  try {
    await migratePostgres(template);
  } finally {
    await template.end();
  }
  project.provide('postgresUrl', url);
  return async () => cluster?.stop();
}
