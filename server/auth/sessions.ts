// Login sessions and their refresh tokens. A session is one refresh-token
// family: one login on one device. Its live token is the one not yet rotated;
// each refresh marks it rotated and stores the hash of its successor.

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

/** Why a session can no longer be refreshed, or null while it can. */
export function sessionEnded(session: SessionRow, now: number): string | null {
  if (session.revoked_at !== null) return 'revoked';
  if (now >= session.expires_at) return 'expired';
  if (now >= session.last_refresh_at + REFRESH_IDLE_MS) return 'idle';
  return null;
}
