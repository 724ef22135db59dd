-- Accounts, login sessions (one refresh-token family per login on one device),
-- refresh tokens (only their SHA-256 hashes), failed-login counters for the
-- temporary lockout, and the GDPR-minded audit log of auth events.
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,          -- lower-cased and trimmed
  password_hash TEXT NOT NULL,         -- $scrypt$v=1$N=…,r=…,p=…$salt$key
  created_at INTEGER NOT NULL          -- ms since the epoch
) STRICT;

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,         -- absolute end: login + 90 days
  last_refresh_at INTEGER NOT NULL,    -- idle end: last_refresh_at + 30 days
  revoked_at INTEGER
) STRICT;
CREATE INDEX sessions_by_user ON sessions(user_id);

CREATE TABLE refresh_tokens (
  hash BLOB PRIMARY KEY,               -- sha256 of the token
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  rotated_at INTEGER                   -- when its successor was issued
) STRICT;
CREATE INDEX refresh_tokens_by_session ON refresh_tokens(session_id);

CREATE TABLE login_failures (
  user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  recent TEXT NOT NULL,                -- JSON array of the failure times (ms) in the window
  locked_until INTEGER
) STRICT;

-- No emails, passwords or tokens; the IP is anonymized before it is stored.
CREATE TABLE auth_events (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  event TEXT NOT NULL,
  user_id TEXT,
  ip TEXT,
  ua TEXT
) STRICT;
CREATE INDEX auth_events_by_time ON auth_events(at);
CREATE INDEX auth_events_by_user ON auth_events(user_id);

-- The key that derives a refresh token's successor from the token itself, so a
-- repeat within the grace window can be answered with the same successor while
-- only hashes are stored (see server/auth/refresh-token.ts).
INSERT INTO instance (key, value) VALUES ('refresh_secret', lower(hex(randomblob(32))));
