// The sessions and refresh_tokens tables on SQLite (auth/sessions.ts has the rules).
import {
  REFRESH_ABSOLUTE_MS,
  REFRESH_IDLE_MS,
  type SessionRow,
  type TokenRow,
} from '../../auth/sessions';
import type { Db } from '../../db/open';

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
