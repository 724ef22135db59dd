-- The epoch names this database's history for sync cursors (server/sync/cursor.ts).
-- `admin restore` gives a restored database a new epoch and records the backup's as
-- `restored_from`, so every cursor handed out before the restore is recognised as
-- stale. Cursors from before this migration carry no epoch; they belong to
-- `legacy_epoch`, the epoch this migration starts with.
INSERT INTO instance (key, value) VALUES ('epoch', lower(hex(randomblob(6))));
INSERT INTO instance (key, value) SELECT 'legacy_epoch', value FROM instance WHERE key = 'epoch';

-- Counts the tombstone purges that raised the user's horizon. A cursor carries the
-- count it was handed out under: only a cursor from before the last purge can have
-- missed a purged tombstone, so a full pull that crosses the horizon after the purge
-- can go on page by page. Cursors from before this migration count as generation 0.
ALTER TABLE sync_state ADD COLUMN purge_gen INTEGER NOT NULL DEFAULT 0;
UPDATE sync_state SET purge_gen = 1 WHERE purged_seq > 0;

-- Set by `admin disable`: the account can neither sign in nor refresh until enabled.
ALTER TABLE users ADD COLUMN disabled_at INTEGER;
-- For `admin users`.
ALTER TABLE users ADD COLUMN last_login_at INTEGER;

-- The horizon each user had when the database was restored (`admin restore` copies
-- purged_seq and purge_gen here): a cursor from the backup's epoch is judged against
-- the history it came from, not against purges made after the restore.
ALTER TABLE sync_state ADD COLUMN base_purged_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_state ADD COLUMN base_purge_gen INTEGER NOT NULL DEFAULT 0;
