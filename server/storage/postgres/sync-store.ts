// The sync tables on PostgreSQL (SyncStorage in storage/storage.ts): the same answers as
// SQLite's runSync (sync/sync-service.ts) and cell store, for several instances sharing
// one database.
//
// The rule several instances must keep: a user's sequence numbers have no gap and no
// duplicate, and a pull never skips a cell that commits later with a lower number
// (docs/api.md "Pulling and cursors"). A push therefore locks the user's sync_state row
// (SELECT … FOR UPDATE) before it reads last_seq, and holds the lock until it commits:
// one user's pushes, wherever they arrive, run one at a time and commit in the order of
// their numbers. A pull reads at one REPEATABLE READ snapshot instead of taking the lock.
// It cannot see N+1 committed while N is not: the push numbered from N+1 read last_seq
// only after taking the lock, which the push holding N released when it committed, and
// PostgreSQL makes a commit visible to new snapshots before it releases the locks. So a
// snapshot that holds the later push holds the earlier one too, and every snapshot's
// cells are numbered 1…last_seq of that same snapshot, without holes (purges aside,
// which take the same locks and are judged by the cursor's generation).
import type { Lineage } from '../../sync/cursor';
import type { ExportedTables } from '../../account/export';
import { assembleTables, type CellRow } from '../../account/export';
import { lineageOf } from '../../db/lineage';
import {
  pushedCells,
  remainingAfter,
  syncAnswer,
  trimPage,
  type PushedCell,
} from '../../sync/sync-answer';
import { assertCursorUsable, type SyncInput, type SyncOutput } from '../../sync/sync-service';
import { horizonHlc } from '../../sync/tombstone-purge';
import type { SyncStorage } from '../storage';
import type { Sql } from './connect';
import type { Query } from './query';
import { cellKey, pushWinners } from './push-winners';
import { NO_STATE, type StoredCell, type SyncState } from '../../sync/cells';

const STATE_COLUMNS = 'last_seq, purged_seq, purge_gen, base_purged_seq, base_purge_gen';

async function readLineage(sql: Query): Promise<Lineage> {
  return lineageOf(
    await sql<{ key: string; value: string }[]>`
      SELECT key, value FROM instance WHERE key IN ('epoch', 'restored_from', 'legacy_epoch')`,
  );
}

async function readState(sql: Query, userId: string): Promise<SyncState> {
  const [row] = await sql<SyncState[]>`
    SELECT ${sql.unsafe(STATE_COLUMNS)} FROM sync_state WHERE user_id = ${userId}`;
  return row ?? NO_STATE;
}

/**
 * The user's state, locked until the transaction ends: the row is made first (a user's
 * first push), as FOR UPDATE locks only rows that exist. Two first pushes at once: the
 * second INSERT waits for the first to commit, then finds the row and does nothing.
 */
async function lockState(sql: Query, userId: string): Promise<SyncState> {
  await sql`INSERT INTO sync_state (user_id) VALUES (${userId}) ON CONFLICT (user_id) DO NOTHING`;
  const [row] = await sql<SyncState[]>`
    SELECT ${sql.unsafe(STATE_COLUMNS)} FROM sync_state WHERE user_id = ${userId} FOR UPDATE`;
  if (!row) throw new Error('sync_state row vanished while locking it');
  return row;
}

/** The stored hlcs of the pushed keys, by cellKey: one statement for the whole push. */
async function storedHlcs(sql: Query, userId: string, cells: readonly PushedCell[]) {
  const keys = [...new Map(cells.map((cell) => [cellKey(cell), cell])).values()];
  const rows = await sql<{ tbl: string; row_id: string; field: string; hlc: string }[]>`
    SELECT c.tbl, c.row_id, c.field, c.hlc
    FROM unnest(${keys.map((k) => k.tbl)}::text[], ${keys.map((k) => k.row_id)}::text[],
                ${keys.map((k) => k.field)}::text[]) AS k(tbl, row_id, field)
    JOIN cells c ON c.user_id = ${userId} AND c.tbl = k.tbl AND c.row_id = k.row_id
      AND c.field = k.field`;
  return new Map(rows.map((row) => [cellKey(row), row.hlc]));
}

/**
 * Writes the winners, numbered lastSeq + 1… in their order (WITH ORDINALITY). Each key
 * appears once, and no stored cell holds a number above lastSeq, so the unique
 * (user_id, seq) index never meets a clash. The hlc guard is the lock's second line: it
 * keeps [M1] even if something wrote the user's cells without taking the lock.
 */
async function writeWinners(sql: Query, userId: string, winners: PushedCell[], lastSeq: number) {
  const written = await sql`
    INSERT INTO cells (user_id, tbl, row_id, field, value, hlc, seq)
    SELECT ${userId}, w.tbl, w.row_id, w.field, w.value, w.hlc, ${lastSeq}::bigint + w.n
    FROM unnest(${winners.map((c) => c.tbl)}::text[], ${winners.map((c) => c.row_id)}::text[],
                ${winners.map((c) => c.field)}::text[], ${winners.map((c) => c.value)}::text[],
                ${winners.map((c) => c.hlc)}::text[])
      WITH ORDINALITY AS w(tbl, row_id, field, value, hlc, n)
    ON CONFLICT (user_id, tbl, row_id, field) DO UPDATE
      SET value = excluded.value, hlc = excluded.hlc, seq = excluded.seq
      WHERE excluded.hlc > cells.hlc`;
  if (written.count !== winners.length) {
    throw new Error(`wrote ${written.count} of ${winners.length} winning cells`);
  }
}

/**
 * The tombstones in step with the winning `deleted` cells: `true` marks the row with the
 * deletion's hlc, anything else (an undo) removes its mark. Each row's `deleted` cell wins
 * at most once in `winners`, so one statement each.
 */
async function keepTombstones(sql: Query, userId: string, winners: readonly PushedCell[]) {
  const deleted = winners.filter((cell) => cell.field === 'deleted');
  const marks = deleted.filter((cell) => cell.value === 'true');
  const undos = deleted.filter((cell) => cell.value !== 'true');
  if (marks.length > 0) {
    await sql`
      INSERT INTO tombstones (user_id, tbl, row_id, hlc)
      SELECT ${userId}, m.tbl, m.row_id, m.hlc
      FROM unnest(${marks.map((c) => c.tbl)}::text[], ${marks.map((c) => c.row_id)}::text[],
                  ${marks.map((c) => c.hlc)}::text[]) AS m(tbl, row_id, hlc)
      ON CONFLICT (user_id, tbl, row_id) DO UPDATE SET hlc = excluded.hlc`;
  }
  if (undos.length > 0) {
    await sql`
      DELETE FROM tombstones t
      USING unnest(${undos.map((c) => c.tbl)}::text[], ${undos.map((c) => c.row_id)}::text[])
        AS u(tbl, row_id)
      WHERE t.user_id = ${userId} AND t.tbl = u.tbl AND t.row_id = u.row_id`;
  }
}

/** Step 3 of runSync: the page after `since`, and the answer built from it. */
async function answer(
  sql: Query,
  input: SyncInput,
  context: { lineage: Lineage; state: SyncState; lastSeq: number; applied: number },
): Promise<SyncOutput> {
  const { userId, since, limit } = input;
  const rows = await sql<StoredCell[]>`
    SELECT tbl, row_id, field, value, hlc, seq FROM cells
    WHERE user_id = ${userId} AND seq > ${since.seq} ORDER BY seq LIMIT ${limit + 1}`;
  const page = trimPage(rows, limit);
  const after = remainingAfter(page, input);
  let remaining: number | undefined;
  if (after !== undefined) {
    const [count] = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM cells WHERE user_id = ${userId} AND seq > ${after}`;
    remaining = count?.n ?? 0;
  }
  return syncAnswer(input, page, {
    epoch: context.lineage.epoch,
    generation: context.state.purge_gen,
    lastSeq: context.lastSeq,
    applied: context.applied,
    remaining,
  });
}

async function push(pool: Sql, input: SyncInput): Promise<SyncOutput> {
  const { userId } = input;
  return pool.begin(async (sql) => {
    const [lineage, state] = await Promise.all([readLineage(sql), lockState(sql, userId)]);
    // 1: a purge may have run since the route checked (it takes the same lock).
    assertCursorUsable(lineage, state, input);
    const pushed = pushedCells(input.changes);
    const { winners, applied } = pushWinners(pushed, await storedHlcs(sql, userId, pushed)); // 2
    const lastSeq = state.last_seq + winners.length;
    if (winners.length > 0) {
      await writeWinners(sql, userId, winners, state.last_seq);
      await keepTombstones(sql, userId, winners);
      await sql`UPDATE sync_state SET last_seq = ${lastSeq} WHERE user_id = ${userId}`;
    }
    return answer(sql, input, { lineage, state, lastSeq, applied }); // 3
  });
}

/** A request that pushes nothing: one snapshot, no lock (see the top of this file). */
async function pull(pool: Sql, input: SyncInput): Promise<SyncOutput> {
  return pool.begin('isolation level repeatable read read only', async (sql) => {
    const [lineage, state] = await Promise.all([readLineage(sql), readState(sql, input.userId)]);
    assertCursorUsable(lineage, state, input);
    return answer(sql, input, { lineage, state, lastSeq: state.last_seq, applied: 0 });
  });
}

/**
 * sync/tombstone-purge.ts in one transaction: the users with a tombstone older than the
 * horizon are locked first (in user order, so two purges cannot deadlock; a push locks
 * one user), then their expired rows go and their horizons rise, read after the locks so
 * no push of theirs is half seen.
 */
async function purgeTombstones(pool: Sql, horizonMillis: number): Promise<number> {
  const horizon = horizonHlc(horizonMillis);
  return pool.begin(async (sql) => {
    const users = await sql<{ user_id: string }[]>`
      SELECT DISTINCT user_id FROM tombstones WHERE hlc < ${horizon} ORDER BY user_id`;
    if (users.length === 0) return 0;
    const ids = users.map((row) => row.user_id);
    // Only users that still exist: an erasure committed since the SELECT above leaves
    // tombstones of nobody, which must not make this insert (and every purge) fail.
    await sql`INSERT INTO sync_state (user_id)
      SELECT id FROM users WHERE id = ANY(${ids}::text[])
      ON CONFLICT (user_id) DO NOTHING`;
    await sql`SELECT 1 FROM sync_state WHERE user_id = ANY(${ids}::text[])
      ORDER BY user_id FOR UPDATE`;
    // Data-modifying CTEs share one snapshot, taken after the locks above.
    const [purged] = await sql<{ n: number }[]>`
      WITH doomed AS (
        SELECT user_id, tbl, row_id FROM tombstones
        WHERE hlc < ${horizon} AND user_id = ANY(${ids}::text[])),
      removed AS (
        DELETE FROM cells c USING doomed d
        WHERE c.user_id = d.user_id AND c.tbl = d.tbl AND c.row_id = d.row_id
        RETURNING c.user_id, c.seq),
      unmarked AS (
        DELETE FROM tombstones t USING doomed d
        WHERE t.user_id = d.user_id AND t.tbl = d.tbl AND t.row_id = d.row_id
        RETURNING t.user_id),
      horizons AS (
        SELECT u.user_id, count(*) AS n,
          coalesce((SELECT max(r.seq) FROM removed r WHERE r.user_id = u.user_id), 0) AS seq
        FROM unmarked u GROUP BY u.user_id),
      raised AS (
        UPDATE sync_state s SET purged_seq = greatest(s.purged_seq, h.seq),
          purge_gen = s.purge_gen + 1
        FROM horizons h WHERE s.user_id = h.user_id
        RETURNING 1)
      SELECT coalesce(sum(n), 0)::int AS n FROM horizons`;
    return purged?.n ?? 0;
  });
}

async function exportTables(pool: Sql, userId: string): Promise<ExportedTables> {
  // One statement reads one snapshot.
  const rows = await pool<CellRow[]>`
    SELECT tbl, row_id, field, value FROM cells WHERE user_id = ${userId}
    ORDER BY tbl, row_id, field`;
  return assembleTables(rows);
}

export function createPostgresSyncStore(pool: Sql): SyncStorage {
  return {
    state: (userId) => readState(pool, userId),
    lineage: () => readLineage(pool),
    sync: (input) => (input.changes.length === 0 ? pull(pool, input) : push(pool, input)),
    purgeTombstones: (horizonMillis) => purgeTombstones(pool, horizonMillis),
    exportTables: (userId) => exportTables(pool, userId),
  };
}
