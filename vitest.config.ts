// Unit and integration tests (everything but the browser suite in e2e/).
// Each package runs as its own project so client tests get fake-indexeddb
// and nothing else does.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      { test: { name: 'shared', include: ['shared/**/*.test.ts'] } },
      // The layer rules of eslint.config.js, proven on planted imports.
      { test: { name: 'lint', include: ['scripts/**/*.test.ts'], testTimeout: 60_000 } },
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts'],
          testTimeout: 20_000,
          // One throwaway PostgreSQL cluster for the storage tests (postgres-global-setup.ts).
          globalSetup: ['server/test-support/postgres-global-setup.ts'],
        },
      },
      // The server contract suite again, on PostgreSQL (issue 16: one test definition, both
      // storages). Restores are SQLite's admin command; PostgreSQL restores with pg_restore.
      {
        test: {
          name: 'server-postgres',
          include: ['server/contract/**/*.test.ts'],
          exclude: ['server/contract/sync-restore.test.ts'],
          testTimeout: 20_000,
          env: { PYB_TEST_STORAGE: 'postgres' },
          globalSetup: ['server/test-support/postgres-global-setup.ts'],
        },
      },
      // The self-hosting kit's files, parsed (no Docker engine here to build them).
      { test: { name: 'deploy', include: ['deploy/**/*.test.ts'] } },
      {
        oxc: { jsx: { runtime: 'automatic' } },
        test: {
          name: 'client',
          include: ['client/**/*.test.{ts,tsx}'],
          setupFiles: ['client/test-setup.ts'],
        },
      },
      // The model-based sync test again, on PostgreSQL (issue 16): the same schedules but
      // backups and restores (SQLite's), fewer of them (sync-model.property.test.ts).
      {
        oxc: { jsx: { runtime: 'automatic' } },
        test: {
          name: 'client-postgres',
          include: ['client/sync/model-check/**/*.test.ts'],
          setupFiles: ['client/test-setup.ts'],
          env: { PYB_TEST_STORAGE: 'postgres' },
          globalSetup: ['server/test-support/postgres-global-setup.ts'],
        },
      },
    ],
  },
});
