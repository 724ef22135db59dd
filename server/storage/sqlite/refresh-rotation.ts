// One refresh on SQLite: auth/refresh-rotation.ts's rules in one IMMEDIATE transaction
// (better-sqlite3 is synchronous, so check-and-rotate cannot interleave with another
// request).
import {
  graceCandidates,
  liveDescendant,
  rotationStep,
  type RotationOutcome,
} from '../../auth/refresh-rotation';
import { hashRefreshToken, looksLikeRefreshToken, successorToken } from '../../auth/refresh-token';
import type { Db } from '../../db/open';
import type { SessionStore } from './session-store';

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
      const step = rotationStep(row, session, now);
      if (step === 'invalid' || !session) return { kind: 'invalid' }; // 1
      if (step === 'rotate') {
        const successor = successorToken(token, secret);
        sessions.rotate(hash, hashRefreshToken(successor), session.id, now); // 2
        return { kind: 'rotated', session: { ...session, last_refresh_at: now }, token: successor };
      }
      if (step === 'grace') {
        const live = liveDescendant(graceCandidates(token, secret), sessions.token);
        if (live) return { kind: 'rotated', session, token: live }; // 3
      }
      sessions.revoke(session.id, now); // 4
      return { kind: 'reused', userId: session.user_id };
    })
    .immediate();
}
