-- The whole schema of SQLite's migrations 0001-0004, for PostgreSQL, plus what several
-- instances share that one SQLite process keeps to itself: signing keys, rate-limit
-- counters and job claims. Text that is compared or ordered (ids, hlcs, emails, sequence
-- keys) uses the "C" collation: byte order, as SQLite compares, whatever the cluster's
-- locale. Times are milliseconds since the epoch (bigint), as in SQLite.

CREATE TABLE instance (
  key text COLLATE "C" PRIMARY KEY,
  value text NOT NULL
);
INSERT INTO instance (key, value) VALUES
  ('created_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
  -- gen_random_uuid() draws from the server's strong random source: 2 x 122 bits.
  ('refresh_secret',
    encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex')),
  ('epoch', substr(encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'), 1, 12));
INSERT INTO instance (key, value) SELECT 'legacy_epoch', value FROM instance WHERE key = 'epoch';

CREATE TABLE users (
  id text COLLATE "C" PRIMARY KEY,
  email text COLLATE "C" NOT NULL UNIQUE,  -- lower-cased and trimmed
  password_hash text NOT NULL,
  created_at bigint NOT NULL,
  disabled_at bigint,
  last_login_at bigint
);

CREATE TABLE sessions (
  id text COLLATE "C" PRIMARY KEY,
  user_id text COLLATE "C" NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  last_refresh_at bigint NOT NULL,
  revoked_at bigint
);
CREATE INDEX sessions_by_user ON sessions(user_id);

CREATE TABLE refresh_tokens (
  hash bytea PRIMARY KEY,
  session_id text COLLATE "C" NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  created_at bigint NOT NULL,
  rotated_at bigint
);
CREATE INDEX refresh_tokens_by_session ON refresh_tokens(session_id);

CREATE TABLE login_failures (
  user_id text COLLATE "C" PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  recent text NOT NULL,                  -- JSON array of the failure times (ms) in the window
  locked_until bigint
);

CREATE TABLE auth_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at bigint NOT NULL,
  event text NOT NULL,
  user_id text COLLATE "C",
  ip text,
  ua text
);
CREATE INDEX auth_events_by_time ON auth_events(at);
CREATE INDEX auth_events_by_user ON auth_events(user_id);

CREATE TABLE cells (
  user_id text COLLATE "C" NOT NULL,
  tbl text COLLATE "C" NOT NULL,
  row_id text COLLATE "C" NOT NULL,
  field text COLLATE "C" NOT NULL,
  value text NOT NULL,                   -- JSON
  hlc text COLLATE "C" NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (user_id, tbl, row_id, field)
);
CREATE UNIQUE INDEX cells_by_seq ON cells(user_id, seq);

CREATE TABLE tombstones (
  user_id text COLLATE "C" NOT NULL,
  tbl text COLLATE "C" NOT NULL,
  row_id text COLLATE "C" NOT NULL,
  hlc text COLLATE "C" NOT NULL,
  PRIMARY KEY (user_id, tbl, row_id)
);
CREATE INDEX tombstones_by_age ON tombstones(hlc);

-- One row per user who synced. A push locks it (SELECT … FOR UPDATE), so one user's
-- pushes commit one at a time, in the order of their sequence numbers.
CREATE TABLE sync_state (
  user_id text COLLATE "C" PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  last_seq bigint NOT NULL DEFAULT 0,
  purged_seq bigint NOT NULL DEFAULT 0,
  purge_gen bigint NOT NULL DEFAULT 0,
  base_purged_seq bigint NOT NULL DEFAULT 0,
  base_purge_gen bigint NOT NULL DEFAULT 0
);

-- The RS256 signing keys every instance signs with (auth/keys.ts): PKCS#8 PEM, or its
-- AES-256-GCM ciphertext when PYB_KEY_SECRET is set (storage/postgres/key-store.ts).
CREATE TABLE signing_keys (
  name text COLLATE "C" PRIMARY KEY,     -- <creation time>-<random>.pem, as the key files
  pem text NOT NULL
);

-- Fixed-window rate-limit counters shared by every instance (http/rate-limit.ts).
CREATE TABLE rate_limits (
  key text COLLATE "C" PRIMARY KEY,
  hits integer NOT NULL,
  reset_at bigint NOT NULL
);
CREATE INDEX rate_limits_by_reset ON rate_limits(reset_at);

-- When each periodic job last ran, so it runs once however many instances ask.
CREATE TABLE jobs (
  name text COLLATE "C" PRIMARY KEY,
  last_run bigint NOT NULL
);
