-- The instance table holds facts about this server installation (when it was
-- created, later the tombstone horizon and similar singletons).
CREATE TABLE instance (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

INSERT INTO instance (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
