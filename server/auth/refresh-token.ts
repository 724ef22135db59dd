// Refresh tokens: opaque 256-bit random strings. Only their SHA-256 hashes are
// stored, so a copy of the database cannot be replayed as sessions.
//
// A successor is not random but HMAC(secret, predecessor): when two tabs refresh
// with the same token at once, the second request (inside the grace window) can
// be answered with the very successor the first one got, although the server
// never stored it. Handing out the same token, rather than forking the family,
// keeps one live token per family, so whichever answer the browser keeps, it
// holds the valid one. Without the server's secret a successor cannot be guessed.
import { createHash, createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'rt_';

export function newRefreshToken(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function successorToken(token: string, secret: Buffer): string {
  return PREFIX + createHmac('sha256', secret).update(token).digest('base64url');
}

export function hashRefreshToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Cheap shape check before any database lookup. */
export function looksLikeRefreshToken(token: string): boolean {
  return /^rt_[A-Za-z0-9_-]{43}$/.test(token);
}
