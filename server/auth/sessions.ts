// Login sessions and their refresh tokens. A session is one refresh-token
// family: one login on one device. Its live token is the one not yet rotated;
// each refresh marks it rotated and stores the hash of its successor.
import type { Db } from '../db/open';

export const REFRESH_IDLE_MS = 30 * 24 * 3600 * 1000;
export const REFRESH_ABSOLUTE_MS = 90 * 24 * 3600 * 1000;
/** A rotated token presented again this soon is two tabs racing, not theft. */
export const REFRESH_GRACE_MS = 10_000;

export interface SessionRow {
  id: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  last_refresh_at: number;
  revoked_at: number | null;
}

export interface TokenRow {
  hash: Buffer;
  session_id: string;
  created_at: number;
  rotated_at: number | null;
}

export function createSessionStore(db: Db) {
  const insertSession = db.prepare<[string, string, number, number, number]>(
    `INSERT INTO sessions (id, user_id, created_at, expires_at, last_refresh_at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const insertToken = db.prepare<[Buffer, string, number]>(
    'INSERT OR IGNORE INTO refresh_tokens (hash, session_id, created_at) VALUES (?, ?, ?)',
  );
  const tokenByHash = db.prepare<[Buffer], TokenRow>('SELECT * FROM refresh_tokens WHERE hash = ?');
  const sessionById = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?');
  const markRotated = db.prepare<[number, Buffer]>(
    'UPDATE refresh_tokens SET rotated_at = ? WHERE hash = ? AND rotated_at IS NULL',
  );
  const touch = db.prepare<[number, string]>(
    'UPDATE sessions SET last_refresh_at = ? WHERE id = ?',
  );
  const revoke = db.prepare<[number, string]>(
    'UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
  );
  const revokeAll = db.prepare<[number, string]>(
    'UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL',
  );
  const live = db.prepare<[string, string, number], { ok: 1 }>(
    `SELECT 1 AS ok FROM sessions
     WHERE id = ? AND user_id = ? AND revoked_at IS NULL AND expires_at > ?`,
  );
  const purge = db.prepare<[number, number, number]>(
    'DELETE FROM sessions WHERE revoked_at < ? OR expires_at < ? OR last_refresh_at < ?',
  );

  return {
    create(session: { id: string; userId: string; now: number; tokenHash: Buffer }): void {
      const { id, userId, now, tokenHash } = session;
      insertSession.run(id, userId, now, now + REFRESH_ABSOLUTE_MS, now);
      insertToken.run(tokenHash, id, now);
    },
    token: (hash: Buffer) => tokenByHash.get(hash),
    session: (id: string) => sessionById.get(id),
    /** Marks `hash` rotated and stores its successor; the family's idle clock restarts. */
    rotate(hash: Buffer, successorHash: Buffer, sessionId: string, now: number): void {
      markRotated.run(now, hash);
      insertToken.run(successorHash, sessionId, now);
      touch.run(now, sessionId);
    },
    revoke: (sessionId: string, now: number) => void revoke.run(now, sessionId),
    revokeAllOfUser: (userId: string, now: number) => void revokeAll.run(now, userId),
    /** Is this session unrevoked, unexpired and the user's? Checked on every request. */
    isLive: (sessionId: string, userId: string, now: number) =>
      live.get(sessionId, userId, now) !== undefined,
    /** Drops sessions (and by cascade their tokens) that ended before `before`. */
    purgeEnded: (before: number) => purge.run(before, before, before - REFRESH_IDLE_MS).changes,
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

/** Why a session can no longer be refreshed, or null while it can. */
export function sessionEnded(session: SessionRow, now: number): string | null {
  if (session.revoked_at !== null) return 'revoked';
  if (now >= session.expires_at) return 'expired';
  if (now >= session.last_refresh_at + REFRESH_IDLE_MS) return 'idle';
  return null;
}
