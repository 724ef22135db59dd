// Bearer authentication for API routes. A token must verify (access-token.ts)
// AND name a session that is still live for that user: that lookup is what
// makes logout, reuse detection, password changes and account deletion take
// effect at once instead of after the token's 15 minutes.
import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../clock';
import { issuer, type Config } from '../config';
import { ApiError } from '../http/api-error';
import { verifyAccessToken } from './access-token';
import type { KeyRing } from './keys';
import type { SessionStorage } from '../storage/storage';

export interface AuthedUser {
  userId: string;
  sessionId: string;
}

export type AuthEnv = { Variables: { user: AuthedUser } };

/** What checking a bearer token needs: the keys, the issuer and the time. */
export interface RequireUserDeps {
  keys: KeyRing;
  config: Pick<Config, 'publicUrl'>;
  clock: Clock;
}

// Auth schemes are case-insensitive (RFC 7235 §2.1).
const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/i;

export function requireUser(
  deps: RequireUserDeps,
  sessions: SessionStorage,
): MiddlewareHandler<AuthEnv> {
  return async function authenticate(c, next) {
    const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    const now = deps.clock.now();
    const claims = token
      ? await verifyAccessToken({ keys: deps.keys, issuer: issuer(deps.config), now }, token)
      : null;
    if (!claims || !(await sessions.isLive(claims.sessionId, claims.userId, now))) {
      c.header('WWW-Authenticate', 'Bearer realm="packyourbag"');
      throw new ApiError('unauthenticated', 'Sign in to use this.');
    }
    c.set('user', claims);
    await next();
  };
}

/** The authenticated user, for code typed against a plain Context (e.g. a rate-limit key). */
export function authedUser(c: Context): AuthedUser {
  const user = (c as unknown as Context<AuthEnv>).var.user;
  if (!user) throw new Error('authedUser used before requireUser');
  return user;
}
