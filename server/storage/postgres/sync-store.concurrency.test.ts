// Several instances on one database behave as one server (docs/api.md "Pulling and
// cursors"): pushes for one user arriving at different pools at once take the numbers
// 1…N with none skipped or taken twice, and a device pulling all the while never gets a
// page that jumps over a number, so it ends with every cell.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncChange } from '../../../shared/protocol';
import { freshPostgresDatabase, type TestDatabase } from '../../test-support/postgres';
import { insertTestUser } from '../../test-support/postgres-instances';
import { postgresTables } from '../../test-support/sync-engines';
import { decodeCursor } from '../../sync/cursor';
import type { SyncStorage } from '../storage';
import { connectPostgres, type Sql } from './connect';
import { createPostgresSyncStore } from './sync-store';

const USER = 'user-1';
const PUSHERS = 3;
const ROUNDS = 40;

let database: TestDatabase | undefined;
const pools: Sql[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((sql) => sql.end()));
  await database?.drop();
});

/** One instance: its own pool, as a separate server process would have. */
function instance(url: string): SyncStorage {
  const sql = connectPostgres(url, { max: 3 });
  pools.push(sql);
  return createPostgresSyncStore(sql);
}

const hlcAt = (n: number) => new Date(Date.UTC(2026, 0, 1) + n).toISOString();

async function pull(store: SyncStorage, sinceCursor: string, limit: number) {
  const since = decodeCursor(sinceCursor);
  if (!since) throw new Error(`undecodable cursor ${sinceCursor}`);
  const answer = await store.sync({ userId: USER, since, sinceCursor, limit, changes: [] });
  return { ...answer, since: since.seq };
}

describe('PostgreSQL sync store: several instances at once', () => {
  it('numbers concurrent pushes 1…N without holes, and a concurrent pull skips nothing', async () => {
    database = await freshPostgresDatabase();
    const admin = connectPostgres(database.url, { max: 1 });
    pools.push(admin);
    await insertTestUser(admin, USER);

    // Each round pushes a few new cells (all win), the first of them twice (a repeat
    // within the push), and an older write of a cell pushed before (a loser).
    const pushed = new Map<string, string>();
    let pushing = true;
    let applied = 0;
    const pusher = async (store: SyncStorage, p: number) => {
      for (let round = 0; round < ROUNDS; round += 1) {
        const fresh: SyncChange[] = Array.from({ length: 1 + ((round * 7 + p) % 5) }, (_, i) => ({
          table: 'items',
          id: `p${p}-r${round}-${i}`,
          field: 'name',
          value: `${p}/${round}/${i}`,
          hlc: hlcAt(1000 + round),
        }));
        const first = fresh.slice(0, 1);
        const stale = first.map((c) => ({ ...c, id: `p${p}-r${round - 1}-0`, hlc: hlcAt(0) }));
        const changes = [...fresh, ...first, ...(round > 0 ? stale : [])];
        const answer = await store.sync({
          userId: USER,
          since: { epoch: null, generation: 0, seq: 0 },
          sinceCursor: '',
          limit: 1,
          changes,
        });
        expect(answer.applied).toBe(fresh.length);
        applied += answer.applied;
        for (const change of fresh) pushed.set(change.id, change.hlc);
      }
    };

    // The device: every page must start right after its cursor and run without a hole
    // (each cell is written once, so the numbers in the table have none).
    const seen = new Map<string, number>();
    const puller = async (store: SyncStorage) => {
      let cursor = '';
      let pages = 0;
      for (;;) {
        const done = !pushing;
        const page = await pull(store, cursor, 7);
        page.changes.forEach((change, i) => seen.set(change.id, page.since + 1 + i));
        const end = decodeCursor(page.cursor)?.seq ?? -1;
        expect(end).toBe(page.since + page.changes.length);
        cursor = page.cursor;
        pages += 1;
        if (done && !page.more) return pages;
      }
    };

    const pulling = puller(instance(database.url));
    const url = database.url;
    const pushes = Promise.all(
      Array.from({ length: PUSHERS }, (_, p) => pusher(instance(url), p)),
    ).finally(() => {
      pushing = false;
    });
    // Both settle before the pools close, whichever fails first.
    const [pushOutcome, pulled] = await Promise.allSettled([pushes, pulling]);
    if (pushOutcome.status === 'rejected') throw pushOutcome.reason;
    if (pulled.status === 'rejected') throw pulled.reason;
    const pages = pulled.value;

    const { cells, states } = await postgresTables(admin);
    const total = pushed.size;
    expect(applied).toBe(total);
    expect(cells.map((cell) => cell.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(states).toEqual([{ user_id: USER, last_seq: total, purged_seq: 0, purge_gen: 0 }]);
    expect(new Map(cells.map((cell) => [cell.row_id, cell.hlc]))).toEqual(pushed);
    // What the device pulled, at the numbers it pulled them at, is the whole table.
    expect(seen).toEqual(new Map(cells.map((cell) => [cell.row_id, cell.seq])));
    expect(pages).toBeGreaterThan(1);
  });
});
