// [P5] [P6] Which cursors the server can continue from, branch by branch, and migration
// 0004 on a database that already had cursors out (bare numbers, a purge horizon).
import { describe, expect, it } from 'vitest';
import { createLineageReader, startNewEpoch } from '../db/lineage';
import { migrate, readMigrations } from '../db/migrate';
import { closeDatabase, openDatabase } from '../db/open';
import { MIGRATIONS_DIR } from '../paths';
import { cursorProblem, decodeCursor, encodeCursor, type Lineage } from './cursor';
import { type SyncState } from './cells';

const E0 = '0000000000e0';
const E1 = '0000000000e1';
const state = (s: Partial<SyncState> = {}): SyncState => ({
  last_seq: 100,
  purged_seq: 0,
  purge_gen: 0,
  base_purged_seq: 0,
  base_purge_gen: 0,
  ...s,
});
const judge = (cursor: string, lineage: Lineage, s: SyncState) => {
  const decoded = decodeCursor(cursor);
  if (!decoded) throw new Error(`undecodable ${cursor}`);
  return cursorProblem(cursor, decoded, lineage, s);
};
const at = (epoch: string, generation: number, seq: number) =>
  encodeCursor({ epoch, generation, seq });

describe('[P5] cursors of the current epoch', () => {
  const lineage: Lineage = { epoch: E0, restoredFrom: null, legacyEpoch: E0 };
  it('"" and any cursor up to the last sequence go on', () => {
    expect(judge('', lineage, state())).toBeNull();
    expect(judge(at(E0, 0, 0), lineage, state())).toBeNull();
    expect(judge(at(E0, 0, 100), lineage, state())).toBeNull();
  });
  it('purge: only a cursor from an earlier generation below the horizon', () => {
    const purged = state({ purged_seq: 50, purge_gen: 2 });
    expect(judge(at(E0, 1, 49), lineage, purged)).toBe('purge');
    expect(judge(at(E0, 1, 50), lineage, purged)).toBeNull(); // saw the purged tombstone
    expect(judge(at(E0, 2, 10), lineage, purged)).toBeNull(); // handed out after the purge
  });
  it('restore: beyond what this database handed out (a restore by hand)', () => {
    expect(judge(at(E0, 0, 101), lineage, state())).toBe('restore');
    expect(judge(at(E0, 3, 10), lineage, state({ purge_gen: 2 }))).toBe('restore');
  });
  it('bare cursors from before epochs belong to the legacy epoch, generation 0', () => {
    expect(judge('40', lineage, state())).toBeNull();
    expect(judge('40', lineage, state({ purged_seq: 50, purge_gen: 1 }))).toBe('purge');
    expect(judge('101', lineage, state())).toBe('restore');
  });
});

describe('[P6] cursors after a restore', () => {
  const lineage: Lineage = { epoch: E1, restoredFrom: E0, legacyEpoch: E0 };
  it("the backup's epoch: restore, unless already stale at the backup's horizon", () => {
    const restored = state({
      base_purged_seq: 30,
      base_purge_gen: 1,
      purged_seq: 80,
      purge_gen: 4,
    });
    expect(judge(at(E0, 1, 10), lineage, restored)).toBe('restore');
    expect(judge(at(E0, 0, 29), lineage, restored)).toBe('purge');
    expect(judge(at(E0, 0, 30), lineage, restored)).toBe('restore');
    // Judged by the backup's horizon, not by purges made after the restore.
    expect(judge(at(E0, 3, 60), lineage, restored)).toBe('restore');
    expect(judge('10', lineage, restored)).toBe('purge'); // bare, generation 0, below 30
    expect(judge('31', lineage, restored)).toBe('restore');
  });
  it('an unknown epoch (two restores back, another server): restore', () => {
    expect(judge(at('0000000000ff', 0, 1), lineage, state())).toBe('restore');
  });
  it('the new epoch goes on as usual', () => {
    expect(judge(at(E1, 0, 100), lineage, state())).toBeNull();
  });
});

describe('migration 0004 on a database with cursors out', () => {
  it('starts one epoch for bare cursors and counts an existing horizon as generation 1', () => {
    const db = openDatabase(':memory:');
    try {
      const all = readMigrations(MIGRATIONS_DIR);
      migrate(db, all.slice(0, 3));
      db.prepare(
        "INSERT INTO users (id, email, password_hash, created_at) VALUES ('a', 'a@x.io', 'h', 0), ('b', 'b@x.io', 'h', 0)",
      ).run();
      db.prepare(
        "INSERT INTO sync_state (user_id, last_seq, purged_seq) VALUES ('a', 9, 4), ('b', 9, 0)",
      ).run();
      migrate(db, all);
      const lineage = createLineageReader(db)();
      expect(lineage.legacyEpoch).toBe(lineage.epoch);
      expect(lineage.restoredFrom).toBeNull();
      const gens = db.prepare('SELECT user_id, purge_gen FROM sync_state ORDER BY user_id').all();
      expect(gens).toEqual([
        { user_id: 'a', purge_gen: 1 },
        { user_id: 'b', purge_gen: 0 },
      ]);
      // What devices with bare cursors get, as before epochs: below the horizon resyncs.
      const a = db.prepare("SELECT * FROM sync_state WHERE user_id = 'a'").get() as SyncState;
      expect(judge('3', lineage, a)).toBe('purge');
      expect(judge('4', lineage, a)).toBeNull();
      const before = lineage.epoch;
      startNewEpoch(db, Date.now());
      expect(createLineageReader(db)()).toMatchObject({
        restoredFrom: before,
        legacyEpoch: before,
      });
    } finally {
      closeDatabase(db);
    }
  });
});
