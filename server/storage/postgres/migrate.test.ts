// The PostgreSQL schema on the real engine: migrations apply once, concurrent
// starts do not race, and text compares bytewise (hlcs and ids sort as in SQLite).
import { describe, expect, it } from 'vitest';
import { postgresPerTest } from '../../test-support/postgres-instances';
import { migratePostgres, pendingPostgresMigrations } from './migrate';

const pg = postgresPerTest();

describe('PostgreSQL migrations', () => {
  it('a fresh database from the template is current, and migrating again applies nothing', async () => {
    const sql = await pg.instance();
    expect(await pendingPostgresMigrations(sql)).toEqual([]);
    expect(await migratePostgres(sql)).toEqual([]);
  });

  it('two instances migrating an empty database at once apply each migration once', async () => {
    const sql = await pg.instance();
    await sql.unsafe('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    const [first, second] = await Promise.all([
      migratePostgres(await pg.instance()),
      migratePostgres(await pg.instance()),
    ]);
    expect([...first, ...second].sort()).toEqual([1]);
    const rows = await sql`SELECT count(*)::int AS n FROM instance WHERE key = 'epoch'`;
    expect(rows[0]?.n).toBe(1);
  });

  it('orders and compares stored ids and hlcs bytewise, whatever the locale', async () => {
    const sql = await pg.instance();
    for (const [rowId, hlc] of [
      ['b', 'Z'],
      ['B', 'a'],
      ['a', '_'],
    ] as const) {
      await sql`INSERT INTO cells (user_id, tbl, row_id, field, value, hlc, seq)
        VALUES ('u', 'items', ${rowId}, 'name', '1', ${hlc}, ${rowId.charCodeAt(0)})`;
    }
    const ids = await sql`SELECT row_id FROM cells ORDER BY row_id`;
    expect(ids.map((row) => row['row_id'])).toEqual(['B', 'a', 'b']);
    const newer = await sql`SELECT row_id FROM cells WHERE hlc > 'Z' ORDER BY row_id`;
    expect(newer.map((row) => row['row_id'])).toEqual(['B', 'a']);
    // This test cluster's own locale is C.UTF-8; the columns say "C" for any cluster.
    const collations = await sql`SELECT DISTINCT collation_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type = 'text'
        AND column_name IN ('user_id', 'tbl', 'row_id', 'field', 'hlc', 'email', 'id')`;
    expect(collations.map((row) => row['collation_name'])).toEqual(['C']);
  });

  it('draws a refresh secret and an epoch when migrated', async () => {
    const rows = await (await pg.instance())<{ value: string }[]>`
      SELECT value FROM instance WHERE key IN ('epoch', 'refresh_secret') ORDER BY key`;
    expect(rows.map((row) => row.value)).toEqual([
      expect.stringMatching(/^[0-9a-f]{12}$/),
      expect.stringMatching(/^[0-9a-f]{64}$/),
    ]);
  });
});
