// Sessions and refresh tokens on PostgreSQL (storage.ts SessionStorage). A refresh is
// decided by the same rules as SQLite's (auth/refresh-rotation.ts) in one transaction
// that first locks the presented token's row: two instances given the same token at
// the same moment take turns, and the second finds it rotated a moment ago and answers
// with the family's live token (the grace rule), neither forking the family nor
// mistaking the race for reuse.
import {
  graceCandidates,
  liveDescendant,
  rotationStep,
  type RotationOutcome,
} from '../../auth/refresh-rotation';
import { hashRefreshToken, looksLikeRefreshToken, successorToken } from '../../auth/refresh-token';
import {
  REFRESH_ABSOLUTE_MS,
  REFRESH_IDLE_MS,
  type SessionRow,
  type TokenRow,
} from '../../auth/sessions';
import type { SessionStorage } from '../storage';
import type { Sql } from './connect';
import type { Query } from './query';
import { revokeSessionsOf } from './users';

const insertToken = (sql: Query, hash: Buffer, sessionId: string, now: number) =>
  sql`INSERT INTO refresh_tokens (hash, session_id, created_at) VALUES (${hash}, ${sessionId}, ${now})
      ON CONFLICT DO NOTHING`;

const revokeSession = (sql: Query, sessionId: string, now: number) =>
  sql`UPDATE sessions SET revoked_at = ${now} WHERE id = ${sessionId} AND revoked_at IS NULL`;

async function sessionById(sql: Query, id: string): Promise<SessionRow | undefined> {
  const rows = await sql<SessionRow[]>`SELECT * FROM sessions WHERE id = ${id}`;
  return rows[0];
}

/** The grace answer: the live token among `token`'s successors, read in one query. */
async function liveSuccessor(sql: Query, token: string, secret: Buffer): Promise<string | null> {
  const candidates = graceCandidates(token, secret);
  const hashes = candidates.map(hashRefreshToken);
  const rows = await sql<Pick<TokenRow, 'hash' | 'rotated_at'>[]>`
    SELECT hash, rotated_at FROM refresh_tokens WHERE hash IN ${sql(hashes)}`;
  const byHash = new Map(rows.map((row) => [row.hash.toString('hex'), row]));
  return liveDescendant(candidates, (hash) => byHash.get(hash.toString('hex')));
}

export function createPostgresSessions(sql: Sql): SessionStorage {
  return {
    async create({ id, userId, now, tokenHash }) {
      return sql.begin(async (tx) => {
        const [session] = await tx<SessionRow[]>`
          INSERT INTO sessions (id, user_id, created_at, expires_at, last_refresh_at)
          VALUES (${id}, ${userId}, ${now}, ${now + REFRESH_ABSOLUTE_MS}, ${now})
          RETURNING *`;
        await insertToken(tx, tokenHash, id, now);
        if (!session) throw new Error(`The session ${id} was not stored`);
        return session;
      });
    },
    async token(hash) {
      const rows = await sql<TokenRow[]>`SELECT * FROM refresh_tokens WHERE hash = ${hash}`;
      return rows[0];
    },
    session: (id) => sessionById(sql, id),
    async revoke(sessionId, now) {
      await revokeSession(sql, sessionId, now);
    },
    async revokeAllOfUser(userId, now) {
      await revokeSessionsOf(sql, userId, now);
    },
    async isLive(sessionId, userId, now) {
      const rows = await sql`SELECT 1 FROM sessions WHERE id = ${sessionId} AND user_id = ${userId}
        AND revoked_at IS NULL AND expires_at > ${now}`;
      return rows.length > 0;
    },
    async rotate(token, secret, now) {
      if (!token || !looksLikeRefreshToken(token)) return { kind: 'invalid' };
      const hash = hashRefreshToken(token);
      return sql.begin(async (tx): Promise<RotationOutcome> => {
        // The session's row first, then the token's: the order an account erasure's cascade
        // locks them in (users, sessions, tokens), so the two cannot deadlock.
        await tx`SELECT 1 FROM sessions WHERE id =
          (SELECT session_id FROM refresh_tokens WHERE hash = ${hash}) FOR UPDATE`;
        // The lock that serializes concurrent refreshes of this token: a second
        // transaction waits here, then reads the row as the first one left it.
        const [row] = await tx<TokenRow[]>`
          SELECT * FROM refresh_tokens WHERE hash = ${hash} FOR UPDATE`;
        const session = row && (await sessionById(tx, row.session_id));
        const step = rotationStep(row, session, now);
        if (step === 'invalid' || !session) return { kind: 'invalid' }; // 1
        if (step === 'rotate') {
          const successor = successorToken(token, secret);
          await tx`UPDATE refresh_tokens SET rotated_at = ${now} WHERE hash = ${hash}`;
          await insertToken(tx, hashRefreshToken(successor), session.id, now);
          await tx`UPDATE sessions SET last_refresh_at = ${now} WHERE id = ${session.id}`;
          return {
            kind: 'rotated',
            session: { ...session, last_refresh_at: now },
            token: successor,
          }; // 2
        }
        if (step === 'grace') {
          const live = await liveSuccessor(tx, token, secret);
          if (live) return { kind: 'rotated', session, token: live }; // 3
        }
        await revokeSession(tx, session.id, now); // 4
        return { kind: 'reused', userId: session.user_id };
      });
    },
    async purgeEnded(before) {
      // Tokens go by cascade.
      const result = await sql`DELETE FROM sessions
        WHERE revoked_at < ${before} OR expires_at < ${before}
          OR last_refresh_at < ${before - REFRESH_IDLE_MS}`;
      return result.count;
    },
  };
}
