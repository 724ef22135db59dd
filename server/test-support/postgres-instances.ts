// A fresh PostgreSQL database per test, and "instances" on it: each `instance()` is its
// own connection pool, as two server processes sharing one database would have. Pools
// end and the database is dropped after each test.
import { afterEach } from 'vitest';
import { connectPostgres, type Sql } from '../storage/postgres/connect';
import { freshPostgresDatabase, type TestDatabase } from './postgres';

export function postgresPerTest() {
  let db: TestDatabase | undefined;
  const pools: Sql[] = [];
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((sql) => sql.end()));
    await db?.drop();
    db = undefined;
  });
  return {
    /** A new pool on this test's database (created on the first call). */
    async instance(max = 4): Promise<Sql> {
      db ??= await freshPostgresDatabase();
      const sql = connectPostgres(db.url, { max });
      pools.push(sql);
      return sql;
    },
    /** Two instances, each with its own pool, as `make` builds them from it. */
    async two<T>(make: (sql: Sql) => T, max = 4): Promise<[T, T]> {
      return [make(await this.instance(max)), make(await this.instance(max))];
    },
  };
}

/** A user row to hang sessions, lockouts and cells on. */
export async function insertTestUser(sql: Sql, id: string, email = `${id}@example.com`) {
  await sql`INSERT INTO users (id, email, password_hash, created_at)
    VALUES (${id}, ${email}, 'hash', 1000)`;
}
