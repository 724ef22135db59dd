// PostgreSQL's sync store answers as SQLite's runSync does: random sequences of pushes
// and pulls (cells repeated within a push, losers and ties, deletions and undos, small
// page limits, `remaining` asked or not, stale cursors after purges) go to both engines,
// and every answer, every 410/426 and the final tables must match. Cursors compare by
// generation and sequence (each database draws its own epoch).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { SyncChange } from '../../../shared/protocol';
import { checkAsyncProperty } from '../../../shared/test-support/property';
import { ApiError } from '../../http/api-error';
import { freshPostgresDatabase, type TestDatabase } from '../../test-support/postgres';
import { insertTestUser } from '../../test-support/postgres-instances';
import { postgresTables, sqliteSync } from '../../test-support/sync-engines';
import { decodeCursor } from '../../sync/cursor';
import type { SyncStorage } from '../storage';
import { connectPostgres, type Sql } from './connect';
import { createPostgresSyncStore } from './sync-store';

const USER = 'user-1';
const second = (n: number) => `2020-01-01T00:00:${String(n).padStart(2, '0')}.000Z`;

const changeArb: fc.Arbitrary<SyncChange> = fc.record({
  table: fc.constantFrom('items', 'lists'),
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
  field: fc.constantFrom('name', 'deleted', 'deleted', 'notes'),
  value: fc.constantFrom<unknown>('x', 'y', true, false),
  // Times as hlcs start with, so a purge's horizon cuts through them.
  hlc: fc.integer({ min: 0, max: 40 }).map(second),
});

type Op = SyncOp | { kind: 'purge'; horizon: number };
interface SyncOp {
  kind: 'sync';
  changes: readonly SyncChange[];
  limit: number;
  countRemaining: boolean;
  resend: boolean | undefined;
  /**
   * Which cursor the device sends: none, the last it got, the first (often stale), one
   * beyond anything handed out (history lost: restore), or one of another database.
   */
  from: 'start' | 'last' | 'first' | 'ahead' | 'foreign';
}

const syncArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constant('sync' as const),
  changes: fc.oneof(
    { weight: 1, arbitrary: fc.constant<SyncChange[]>([]) },
    { weight: 4, arbitrary: fc.array(changeArb, { maxLength: 12 }) },
    { weight: 1, arbitrary: fc.array(changeArb, { minLength: 30, maxLength: 120, size: 'max' }) },
  ),
  limit: fc.integer({ min: 1, max: 15 }),
  countRemaining: fc.boolean(),
  resend: fc.constantFrom(true, undefined),
  from: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('start', 'last', 'last', 'first') },
    { weight: 1, arbitrary: fc.constantFrom('ahead', 'foreign') },
  ),
});
const purgeArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constant('purge' as const),
  horizon: fc.integer({ min: 0, max: 45 }).map((n) => Date.UTC(2020, 0, 1, 0, 0, n)),
});
const opsArb = fc.array(
  fc.oneof({ weight: 6, arbitrary: syncArb }, { weight: 1, arbitrary: purgeArb }),
  {
    minLength: 1,
    maxLength: 12,
  },
);

async function cursorFor(store: SyncStorage, from: SyncOp['from'], cursors: string[]) {
  switch (from) {
    case 'start':
      return '';
    case 'first':
      return cursors[0] ?? '';
    case 'last':
      return cursors.at(-1) ?? '';
    case 'ahead':
      return `${(await store.lineage()).epoch}.0.${(await store.state(USER)).last_seq + 3}`;
    case 'foreign':
      return '0123456789ab.0.1';
  }
}

/** Runs the ops on one engine; every answer (or refusal) in a form both engines share. */
async function play(store: SyncStorage, ops: readonly Op[]): Promise<unknown[]> {
  const cursors: string[] = [];
  const answers: unknown[] = [];
  for (const op of ops) {
    if (op.kind === 'purge') {
      answers.push({ purged: await store.purgeTombstones(op.horizon) });
      continue;
    }
    const sinceCursor = await cursorFor(store, op.from, cursors);
    const since = decodeCursor(sinceCursor);
    if (!since) throw new Error(`undecodable cursor ${sinceCursor}`);
    try {
      const { cursor, ...rest } = await store.sync({
        userId: USER,
        since,
        sinceCursor,
        limit: op.limit,
        changes: op.changes,
        resend: op.resend,
        countRemaining: op.countRemaining,
      });
      cursors.push(cursor);
      const decoded = decodeCursor(cursor);
      answers.push({
        ...rest,
        cursor: {
          generation: decoded?.generation,
          seq: decoded?.seq,
          echo: cursor === sinceCursor,
        },
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      answers.push({ refused: error.code, status: error.status, details: error.details });
    }
  }
  return answers;
}

let database: TestDatabase;
let sql: Sql;
beforeAll(async () => {
  database = await freshPostgresDatabase();
  sql = connectPostgres(database.url, { max: 2 });
  await insertTestUser(sql, USER);
});
afterAll(async () => {
  await sql.end();
  await database.drop();
});

describe('PostgreSQL sync store against SQLite runSync', () => {
  checkAsyncProperty(
    '[M1][M5][P5] gives the same answers, refusals and final tables',
    fc.asyncProperty(opsArb, async (ops) => {
      await sql`TRUNCATE cells, tombstones, sync_state`;
      const sqlite = sqliteSync();
      sqlite.addUser(USER);
      const expected = await play(sqlite.sync, ops);
      const actual = await play(createPostgresSyncStore(sql), ops);
      expect(actual).toEqual(expected);
      expect(await postgresTables(sql)).toEqual(sqlite.tables());
      sqlite.db.close();
    }),
    { numRuns: 40, project: 'server', timeoutMs: 120_000 },
  );
});
