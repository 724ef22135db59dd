// One refresh, decided in one IMMEDIATE transaction (better-sqlite3 is
// synchronous, so check-and-rotate cannot interleave with another request):
//   1. Unknown token, or its session revoked, past 90 days or idle 30 days → invalid.
//   2. A live (never rotated) token → mark it rotated, store its successor.
//   3. A token rotated at most 10 s ago → two tabs raced (docs/api.md's grace
//      window): answer with the family's live token, found by following the
//      successors (each is derived from its predecessor), not a new fork.
//   4. Any other rotated token → reuse of a stolen or stale token: revoke the
//      whole family, so the thief's (or victim's) newest token dies too.
import type { Db } from '../db/open';
import { hashRefreshToken, looksLikeRefreshToken, successorToken } from './refresh-token';
import { REFRESH_GRACE_MS, sessionEnded, type SessionRow, type SessionStore } from './sessions';

export type RotationOutcome =
  | { kind: 'rotated'; session: SessionRow; token: string }
  | { kind: 'invalid' }
  | { kind: 'reused'; userId: string };

export interface RotationContext {
  db: Db;
  sessions: SessionStore;
  secret: Buffer;
  now: number;
}

export function rotateRefreshToken(
  ctx: RotationContext,
  token: string | undefined,
): RotationOutcome {
  if (!token || !looksLikeRefreshToken(token)) return { kind: 'invalid' };
  const { sessions, secret, now } = ctx;
  return ctx.db
    .transaction((): RotationOutcome => {
      const hash = hashRefreshToken(token);
      const row = sessions.token(hash);
      const session = row && sessions.session(row.session_id);
      if (!row || !session || sessionEnded(session, now)) return { kind: 'invalid' }; // 1
      const successor = successorToken(token, secret);
      const successorHash = hashRefreshToken(successor);
      if (row.rotated_at === null) {
        sessions.rotate(hash, successorHash, session.id, now); // 2
        return { kind: 'rotated', session: { ...session, last_refresh_at: now }, token: successor };
      }
      if (now - row.rotated_at <= REFRESH_GRACE_MS) {
        const live = liveDescendant(sessions, successor, secret);
        if (live) return { kind: 'rotated', session, token: live }; // 3
      }
      sessions.revoke(session.id, now); // 4
      return { kind: 'reused', userId: session.user_id };
    })
    .immediate();
}

/** A family rotates at most a few times in the grace window; more is not a race. */
const MAX_GRACE_STEPS = 8;

/** The live (never rotated) token at the end of the chain starting at `token`, or null. */
function liveDescendant(sessions: SessionStore, token: string, secret: Buffer): string | null {
  let current = token;
  for (let step = 0; step < MAX_GRACE_STEPS; step += 1) {
    const row = sessions.token(hashRefreshToken(current));
    if (!row) return null;
    if (row.rotated_at === null) return current;
    current = successorToken(current, secret);
  }
  return null;
}
