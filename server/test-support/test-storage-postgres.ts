// The PostgreSQL half of test-storage.ts: a fresh database copied from the migrated
// template (postgres.ts), dropped when the test app closes.
import { connectPostgres } from '../storage/postgres/connect';
import { createPostgresStorage } from '../storage/postgres/postgres-storage';
import { freshPostgresDatabase } from './postgres';
import type { TestStorage } from './test-storage';

/** On a fresh database, or on `url`'s (left in place at close). */
export async function openPostgresTestStorage(url?: string): Promise<TestStorage> {
  const database = url ? { url, drop: async () => undefined } : await freshPostgresDatabase();
  const sql = connectPostgres(database.url, { max: 4 });
  const storage = createPostgresStorage(sql, { url: database.url, keySecret: null });
  return {
    storage,
    sqlite: null,
    databaseUrl: database.url,
    async query<T>(text: string, ...params: unknown[]) {
      let n = 0;
      const numbered = text.replace(/\?/g, () => `$${++n}`);
      return [...(await sql.unsafe(numbered, params as never[]))] as T[];
    },
    async tables() {
      const rows = await sql<{ name: string }[]>`
        SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY 1`;
      return rows.map((row) => row.name);
    },
    async close() {
      await storage.close();
      await database.drop();
    },
  };
}
