-- Every user's synced data as cells: (user, table, row id, field) → value, hlc,
-- seq. A winning write takes the user's next seq, so a pull is "seq > cursor"
-- on the (user_id, seq) index and costs O(changes), not O(the user's data).
-- No foreign key to users: checking it on every cell costs a tenth of the push
-- time; deleting an account deletes its cells explicitly (auth-service.ts).
CREATE TABLE cells (
  user_id TEXT NOT NULL,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,                 -- JSON
  hlc TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (user_id, tbl, row_id, field)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX cells_by_seq ON cells(user_id, seq);

-- The rows whose winning `deleted` cell is true, with that cell's hlc (its
-- time), kept beside the cells by the push so the purge job finds old
-- tombstones without scanning every cell.
CREATE TABLE tombstones (
  user_id TEXT NOT NULL,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  hlc TEXT NOT NULL,
  PRIMARY KEY (user_id, tbl, row_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX tombstones_by_age ON tombstones(hlc);

-- Per user: the last seq handed out, and the purge horizon (cursors below it
-- may have missed a purged tombstone and must resync from the start).
CREATE TABLE sync_state (
  user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  last_seq INTEGER NOT NULL DEFAULT 0,
  purged_seq INTEGER NOT NULL DEFAULT 0
) STRICT;
