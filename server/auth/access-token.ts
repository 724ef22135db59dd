// Access tokens: RS256 JWTs (RFC 9068 profile, `typ: at+jwt`) that live 15
// minutes. Verification pins everything an attacker could vary: the algorithm
// (no `none`, no HS256 keyed with our public key), the key by kid, issuer,
// audience and type. It only proves the token was issued; require-user.ts then
// checks the session is still live, so revocation takes effect at once.
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { ACCESS_TOKEN_TTL_S } from '../../shared/auth-api';
import type { KeyRing } from './keys';

export const AUDIENCE = 'packyourbag';

/** One JWKS per published key list: the ring swaps in a new list when keys rotate. */
const keySets = new WeakMap<object, ReturnType<typeof createLocalJWKSet>>();
function keySet(keys: KeyRing) {
  let set = keySets.get(keys.published);
  if (!set) {
    set = createLocalJWKSet({ keys: keys.published.map((k) => k.publicJwk) });
    keySets.set(keys.published, set);
  }
  return set;
}
export const CLOCK_TOLERANCE_S = 30;

export interface AccessClaims {
  userId: string;
  sessionId: string;
}

export interface TokenContext {
  keys: KeyRing;
  issuer: string;
  /** ms since the epoch; the injected clock, so tests can age tokens. */
  now: number;
}

export function signAccessToken(ctx: TokenContext, claims: AccessClaims): Promise<string> {
  const iat = Math.floor(ctx.now / 1000);
  return new SignJWT({ sid: claims.sessionId })
    .setProtectedHeader({ alg: 'RS256', kid: ctx.keys.current.kid, typ: 'at+jwt' })
    .setIssuer(ctx.issuer)
    .setAudience(AUDIENCE)
    .setSubject(claims.userId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ACCESS_TOKEN_TTL_S)
    .setJti(randomUUID())
    .sign(ctx.keys.current.privateKey);
}

/**
 * Tokens whose signature verified, by their exact text. A device sends the same token with
 * every request for its 15 minutes, and checking the RSA signature each time was the
 * largest CPU cost of a sync request under load (scripts/bench-load.ts, profiled). What
 * the signature proved cannot change for the same text; what can change is checked again
 * on every use: the time window (against the injected clock, exactly as jwtVerify checks
 * it), the issuer, and the published keys (a rotation swaps the list, which drops every
 * entry verified against the old one). Only successes are kept, at most MAX_VERIFIED
 * (about 1 KB each), oldest out first.
 */
interface Verified {
  claims: AccessClaims;
  iat: number;
  exp: number;
  issuer: string;
  published: object;
}
const verified = new Map<string, Verified>();
export const MAX_VERIFIED = 2000;

function stillValid(entry: Verified, ctx: TokenContext): boolean {
  const now = Math.floor(ctx.now / 1000); // whole seconds, as jwtVerify counts
  const age = now - entry.iat;
  return (
    entry.published === ctx.keys.published &&
    entry.issuer === ctx.issuer &&
    entry.exp > now - CLOCK_TOLERANCE_S &&
    age <= ACCESS_TOKEN_TTL_S + CLOCK_TOLERANCE_S &&
    age >= -CLOCK_TOLERANCE_S
  );
}

/** Empties the cache, so a test can compare a remembered answer with a fresh check. */
export function forgetVerifiedTokens(): void {
  verified.clear();
}

function remember(token: string, entry: Verified): void {
  if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value as string);
  verified.set(token, entry);
}

/** The token's claims if it is genuine, unexpired and ours; otherwise null. */
export async function verifyAccessToken(
  ctx: TokenContext,
  token: string,
): Promise<AccessClaims | null> {
  const known = verified.get(token);
  if (known) {
    if (stillValid(known, ctx)) return known.claims;
    verified.delete(token);
  }
  try {
    // A kid is required: without one jose would try any key of the right type.
    if (typeof decodeProtectedHeader(token).kid !== 'string') return null;
    const { payload } = await jwtVerify(token, keySet(ctx.keys), {
      algorithms: ['RS256'],
      issuer: ctx.issuer,
      audience: AUDIENCE,
      typ: 'at+jwt',
      clockTolerance: CLOCK_TOLERANCE_S,
      currentDate: new Date(ctx.now),
      // Also rejects an iat in the future (beyond the tolerance).
      maxTokenAge: ACCESS_TOKEN_TTL_S,
      requiredClaims: ['sub', 'sid', 'jti', 'iat', 'exp'],
    });
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
    const claims = { userId: payload.sub, sessionId: payload.sid };
    const { iat = 0, exp = 0 } = payload; // both required above
    remember(token, { claims, iat, exp, issuer: ctx.issuer, published: ctx.keys.published });
    return claims;
  } catch {
    return null;
  }
}
