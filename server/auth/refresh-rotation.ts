// One refresh, decided in one transaction (SQLite: IMMEDIATE, and better-sqlite3 is
// synchronous, so check-and-rotate cannot interleave with another request;
// PostgreSQL: storage/postgres/sessions.ts locks the token's row first):
//   1. Unknown token, or its session revoked, past 90 days or idle 30 days → invalid.
//   2. A live (never rotated) token → mark it rotated, store its successor.
//   3. A token rotated at most 10 s ago → two tabs raced (docs/api.md's grace
//      window): answer with the family's live token, found by following the
//      successors (each is derived from its predecessor), not a new fork.
//   4. Any other rotated token → reuse of a stolen or stale token: revoke the
//      whole family, so the thief's (or victim's) newest token dies too.
// The rules themselves (rotationStep, liveDescendant) are pure, so both engines
// decide alike; each engine only reads and writes its own way.
import { hashRefreshToken, successorToken } from './refresh-token';
import { REFRESH_GRACE_MS, sessionEnded, type SessionRow, type TokenRow } from './sessions';

export type RotationOutcome =
  | { kind: 'rotated'; session: SessionRow; token: string }
  | { kind: 'invalid' }
  | { kind: 'reused'; userId: string };

/** What to do with a presented token, given its stored row and session (rules 1-4). */
export type RotationStep = 'invalid' | 'rotate' | 'grace' | 'reuse';

export function rotationStep(
  row: TokenRow | undefined,
  session: SessionRow | undefined,
  now: number,
): RotationStep {
  if (!row || !session || sessionEnded(session, now)) return 'invalid';
  if (row.rotated_at === null) return 'rotate';
  return now - row.rotated_at <= REFRESH_GRACE_MS ? 'grace' : 'reuse';
}

/** A family rotates at most a few times in the grace window; more is not a race. */
const MAX_GRACE_STEPS = 8;

/** The successors a grace answer may be among: `token`'s next ones, nearest first. */
export function graceCandidates(token: string, secret: Buffer): string[] {
  const chain: string[] = [];
  let current = successorToken(token, secret);
  for (let step = 0; step < MAX_GRACE_STEPS; step += 1) {
    chain.push(current);
    current = successorToken(current, secret);
  }
  return chain;
}

/**
 * The live (never rotated) token at the end of the stored chain of `candidates`
 * (graceCandidates), or null when the chain breaks or is longer than a race makes it.
 */
export function liveDescendant(
  candidates: string[],
  stored: (hash: Buffer) => Pick<TokenRow, 'rotated_at'> | undefined,
): string | null {
  for (const candidate of candidates) {
    const row = stored(hashRefreshToken(candidate));
    if (!row) return null;
    if (row.rotated_at === null) return candidate;
  }
  return null;
}
