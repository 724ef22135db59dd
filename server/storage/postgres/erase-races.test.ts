// An account erased on one instance while another pushes or refreshes for the same
// user: nothing of the person may outlive the erasure, no deadlock, and the purge
// keeps working for everyone afterwards (found by a review: a first push's sync_state
// row was invisible to the erasure, and leftover tombstones then broke every purge).
import { describe, expect, it } from 'vitest';
import type { Cursor } from '../../sync/cursor';
import { hashRefreshToken, newRefreshToken } from '../../auth/refresh-token';
import { insertTestUser, postgresPerTest } from '../../test-support/postgres-instances';
import { createPostgresStorage } from './postgres-storage';
import type { Sql } from './connect';

const pg = postgresPerTest();
const storageOn = (sql: Sql) =>
  createPostgresStorage(sql, { url: 'postgres://test', keySecret: null });
const START: Cursor = { epoch: null, generation: 0, seq: 0 };

describe('erasing an account while another instance works for the user', () => {
  it('a first push racing the erasure leaves no cells or tombstones behind', async () => {
    const [a, b] = await pg.two(storageOn);
    const sql = await pg.instance();
    for (let round = 0; round < 12; round++) {
      const id = `u${round}`;
      await insertTestUser(sql, id);
      const changes = Array.from({ length: 800 }, (_, k) => ({
        table: 'items' as const,
        id: `r${k}`,
        field: k % 50 === 0 ? 'deleted' : 'name',
        value: k % 50 === 0 ? true : `v${k}`,
        hlc: `${new Date(Date.UTC(2026, 0, 1) + k).toISOString()}-0000-00000000000000aa`,
      }));
      const push = a.sync
        .sync({ userId: id, since: START, sinceCursor: '', limit: 10, changes })
        .catch(() => 'refused');
      await new Promise((resolve) => setTimeout(resolve, round % 6));
      await Promise.all([push, b.users.erase(id)]);
      const [left] = await sql<{ n: number }[]>`SELECT
        (SELECT count(*) FROM cells WHERE user_id = ${id}) +
        (SELECT count(*) FROM tombstones WHERE user_id = ${id}) +
        (SELECT count(*) FROM users WHERE id = ${id}) AS n`;
      expect(Number(left?.n), `round ${round}`).toBe(0);
    }
    // And the purge still runs (an orphan tombstone made it fail for everyone).
    await expect(a.sync.purgeTombstones(Date.UTC(2030, 0, 1))).resolves.toBeGreaterThanOrEqual(0);
  });

  it('refreshes racing the erasure neither deadlock nor fail', async () => {
    const [a, b] = await pg.two(storageOn);
    const sql = await pg.instance();
    const secret = Buffer.alloc(32, 7);
    for (let round = 0; round < 20; round++) {
      const id = `r${round}`;
      await insertTestUser(sql, id);
      const token = newRefreshToken();
      await a.sessions.create({
        id: `s${round}`,
        userId: id,
        now: 1000,
        tokenHash: hashRefreshToken(token),
      });
      const outcomes = await Promise.allSettled([
        a.sessions.rotate(token, secret, 2000),
        b.users.erase(id),
        a.sessions.rotate(token, secret, 2000),
      ]);
      const failures = outcomes.filter((o) => o.status === 'rejected');
      expect(failures.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([]);
    }
  });
});
