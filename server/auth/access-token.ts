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

/** The token's claims if it is genuine, unexpired and ours; otherwise null. */
export async function verifyWithJose(
  ctx: TokenContext,
  token: string,
): Promise<(AccessClaims & TimeClaims) | null> {
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
    const { sub, sid, iat, exp, nbf } = payload;
    if (typeof sub !== 'string' || typeof sid !== 'string') return null;
    if (typeof iat !== 'number' || typeof exp !== 'number') return null;
    return { userId: sub, sessionId: sid, iat, exp, nbf };
  } catch {
    return null;
  }
}

/** The claims jose's time checks read, in seconds since the epoch. */
interface TimeClaims {
  iat: number;
  exp: number;
  nbf?: number | undefined;
}

/**
 * jose's time checks (lib/jwt_claims_set.js) with our options: nbf not ahead, exp not
 * passed, iat neither older than the token's lifetime nor in the future, each give or take
 * the clock tolerance. A property test holds this to jose.
 */
function withinTime(token: TimeClaims, nowMillis: number): boolean {
  const now = Math.floor(nowMillis / 1000);
  const tolerance = CLOCK_TOLERANCE_S;
  if (token.nbf !== undefined && token.nbf > now + tolerance) return false;
  if (token.exp <= now - tolerance) return false;
  const age = now - token.iat;
  return age - tolerance <= ACCESS_TOKEN_TTL_S && age >= -tolerance;
}

interface Verified extends TimeClaims {
  claims: AccessClaims;
  /** What it was verified against: a rotated key list or another issuer verifies anew. */
  published: object;
  issuer: string;
}

/**
 * A token verifier that remembers the tokens it verified. A device sends the same access
 * token with every request for its 15 minutes; checking the RS256 signature each time
 * (through WebCrypto, on the thread pool) was the costliest step of a small request. A
 * remembered token is still checked against the clock on every use, exactly as jose checks
 * it; everything else jose checks (signature, algorithm, type, issuer, audience, claims
 * present) does not change with time. At most `capacity` tokens are kept, oldest out first.
 */
export function createAccessTokenVerifier(capacity = 4096, verifyFully = verifyWithJose) {
  const verified = new Map<string, Verified>();
  return async function verify(ctx: TokenContext, token: string): Promise<AccessClaims | null> {
    const known = verified.get(token);
    if (known && known.published === ctx.keys.published && known.issuer === ctx.issuer) {
      if (withinTime(known, ctx.now)) return { ...known.claims };
      verified.delete(token);
      return null;
    }
    const result = await verifyFully(ctx, token);
    if (!result) return null;
    const { userId, sessionId, iat, exp, nbf } = result;
    if (verified.size >= capacity) verified.delete(verified.keys().next().value as string);
    const claims = { userId, sessionId };
    verified.set(token, {
      claims,
      iat,
      exp,
      nbf,
      published: ctx.keys.published,
      issuer: ctx.issuer,
    });
    return { ...claims };
  };
}

/** The token's claims if it is genuine, unexpired and ours; otherwise null. */
export const verifyAccessToken = createAccessTokenVerifier();
