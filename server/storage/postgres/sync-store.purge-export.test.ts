// Tombstone purge and account export on PostgreSQL, held to SQLite's
// (sync/tombstone-purge.ts, account/export.ts) on the same pushes of several users, and a
// purge running while other instances push, which must neither deadlock nor half-purge.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncChange } from '../../../shared/protocol';
import { freshPostgresDatabase, type TestDatabase } from '../../test-support/postgres';
import { insertTestUser } from '../../test-support/postgres-instances';
import { postgresTables, sqliteSync } from '../../test-support/sync-engines';
import { decodeCursor } from '../../sync/cursor';
import type { SyncInput } from '../../sync/sync-service';
import type { SyncStorage } from '../storage';
import { connectPostgres, type Sql } from './connect';
import { createPostgresSyncStore } from './sync-store';

let database: TestDatabase | undefined;
const pools: Sql[] = [];
let closeSqlite: (() => void) | undefined;
afterEach(async () => {
  closeSqlite?.();
  closeSqlite = undefined;
  await Promise.all(pools.splice(0).map((sql) => sql.end()));
  await database?.drop();
});

async function postgresStore(): Promise<{ sql: Sql; store: SyncStorage; url: string }> {
  database = await freshPostgresDatabase();
  const sql = connectPostgres(database.url, { max: 3 });
  pools.push(sql);
  return { sql, store: createPostgresSyncStore(sql), url: database.url };
}

/** Both engines with the same users, for the same pushes. */
async function bothEngines(users: readonly string[]) {
  const postgres = await postgresStore();
  const sqlite = sqliteSync();
  closeSqlite = () => sqlite.db.close();
  for (const user of users) {
    sqlite.addUser(user);
    await insertTestUser(postgres.sql, user);
  }
  return { ...postgres, sqlite };
}

const minute = (n: number) => Date.UTC(2026, 0, 1, 0, n);
const at = (n: number) => new Date(minute(n)).toISOString();
const cell = (id: string, field: string, value: unknown, n: number): SyncChange => ({
  table: 'items',
  id,
  field,
  value,
  hlc: at(n),
});
const push = (userId: string, changes: SyncChange[], sinceCursor = ''): SyncInput => ({
  userId,
  since: decodeCursor(sinceCursor) ?? { epoch: null, generation: 0, seq: -1 },
  sinceCursor,
  limit: 500,
  changes,
});

// Two users; rows deleted at minutes 1, 5 and 9, one deleted and undone, one live.
const PUSHES: SyncInput[] = [
  push('ann', [
    cell('a1', 'name', 'Tent', 0),
    cell('a1', 'deleted', true, 1),
    cell('a2', 'name', 'Stove', 0),
    cell('a2', 'deleted', true, 5),
    cell('a3', 'name', 'Mat', 0),
    cell('a3', 'notes', { grams: 300 }, 0),
  ]),
  push('bob', [cell('b1', 'name', 'Pot', 0), cell('b1', 'deleted', true, 2)]),
  push('ann', [cell('a4', 'name', 'Cup', 3), cell('a4', 'deleted', true, 3)]),
  push('ann', [cell('a4', 'deleted', false, 4), cell('a5', 'deleted', true, 9)]),
];

describe('PostgreSQL sync store: purge and export', () => {
  it('purges the same rows as SQLite, raising the same horizons, and stale cursors get 410', async () => {
    const { sql, store, sqlite } = await bothEngines(['ann', 'bob']);
    const cursors: string[] = [];
    for (const input of PUSHES) {
      const expected = await sqlite.sync.sync(input);
      const answer = await store.sync(input);
      expect(answer.changes).toEqual(expected.changes);
      if (input.userId === 'ann') cursors.push(answer.cursor);
    }
    // Minute 6: a1, a2 (ann) and b1 (bob) go; a4 was undone, a5 is younger.
    expect(await store.purgeTombstones(minute(6))).toBe(3);
    expect(await sqlite.sync.purgeTombstones(minute(6))).toBe(3);
    expect(await postgresTables(sql)).toEqual(sqlite.tables());
    expect(await store.state('ann')).toMatchObject({ purged_seq: 4, purge_gen: 1 });
    expect(await store.state('bob')).toMatchObject({ purged_seq: 2, purge_gen: 1 });
    // Nothing older is left: a second purge finds nothing and raises no generation.
    expect(await store.purgeTombstones(minute(6))).toBe(0);
    expect((await store.state('ann')).purge_gen).toBe(1);

    // ann's horizon is now seq 4 (a2's deletion): her first cursor (seq 6) is past it and
    // still usable; a cursor of generation 0 below it may have missed a deletion: 410.
    await expect(store.sync(push('ann', [], cursors[0]))).resolves.toMatchObject({ more: false });
    const stale = `${(await store.lineage()).epoch}.0.3`;
    await expect(store.sync(push('ann', [], stale))).rejects.toMatchObject({
      code: 'resync_required',
      details: { cause: 'purge' },
    });
  });

  it('exports the same rows as SQLite, before and after a purge', async () => {
    const { store, sqlite } = await bothEngines(['ann', 'bob']);
    for (const input of PUSHES) {
      await sqlite.sync.sync(input);
      await store.sync(input);
    }
    for (const horizon of [0, minute(6)]) {
      await store.purgeTombstones(horizon);
      await sqlite.sync.purgeTombstones(horizon);
      for (const user of ['ann', 'bob', 'nobody']) {
        const exported = await store.exportTables(user);
        expect(JSON.stringify(exported)).toBe(JSON.stringify(await sqlite.sync.exportTables(user)));
      }
    }
    const ann = await store.exportTables('ann');
    expect(ann.items.map((row) => row.id)).toEqual(['a3', 'a4', 'a5']);
    expect(ann.items[0]).toEqual({ id: 'a3', name: 'Mat', notes: { grams: 300 } });
  });

  it('a purge running while other instances push neither deadlocks nor half-purges', async () => {
    const users = ['ann', 'bob', 'cid'];
    const { sql, url } = await bothEngines(users);
    const instance = () => {
      const pool = connectPostgres(url, { max: 2 });
      pools.push(pool);
      return createPostgresSyncStore(pool);
    };
    const purger = instance();
    let pushing = true;
    const pushes = Promise.all(
      users.map(async (user) => {
        const pusher = instance();
        for (let round = 0; round < 30; round += 1) {
          const id = `${user}-${round}`;
          // Deleted at an old time, so every purge may take it; every third is undone.
          const changes = [cell(id, 'name', id, 0), cell(id, 'deleted', true, 1)];
          if (round % 3 === 2) changes.push(cell(`${user}-${round - 1}`, 'deleted', false, 2));
          await pusher.sync(push(user, changes));
        }
      }),
    ).finally(() => {
      pushing = false;
    });
    const purges = (async () => {
      let purged = 0;
      while (pushing) purged += await purger.purgeTombstones(minute(10));
      return purged + (await purger.purgeTombstones(minute(10)));
    })();
    const [pushed, purged] = await Promise.allSettled([pushes, purges]);
    if (pushed.status === 'rejected') throw pushed.reason;
    if (purged.status === 'rejected') throw purged.reason;

    const { cells, tombstones, states } = await postgresTables(sql);
    expect(tombstones).toEqual([]);
    // Every row not undone was purged, every cell of it. An undone row keeps its undo
    // (with its name too, unless a purge took the row before the undo came): a purge that
    // interleaved with the undo's push would have deleted the undo with the row.
    const undone = users.flatMap((user) =>
      Array.from({ length: 10 }, (_, i) => `${user}-${i * 3 + 1}`),
    );
    const deletedCells = cells.filter((c) => c.field === 'deleted');
    expect(deletedCells.map((c) => c.row_id).sort()).toEqual(undone.sort());
    expect(deletedCells.every((c) => c.value === 'false')).toBe(true);
    expect(cells.every((c) => undone.includes(c.row_id))).toBe(true);
    for (const state of states) expect(state.purged_seq).toBeLessThanOrEqual(state.last_seq);
    expect(purged.value).toBeGreaterThan(0);
  });
});
