// The verified-token cache must answer exactly what a fresh verification answers (each
// test starts from a verifier that remembers nothing).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_TTL_S } from '../../shared/auth-api';
import { tempDir } from '../test-support/fixture';
import {
  CLOCK_TOLERANCE_S,
  createAccessTokenVerifier,
  signAccessToken,
  type TokenContext,
} from './access-token';
import { loadKeyRing, type KeyRing } from './keys';

const ISSUER = 'http://localhost:8080';
const T0 = Date.parse('2026-12-07T12:00:00.000Z');
const claims = { userId: 'user-1', sessionId: 'session-1' };

describe('verifyAccessToken, remembered', () => {
  let verify = createAccessTokenVerifier();
  const dir = tempDir();
  let keys: KeyRing;
  beforeAll(async () => {
    keys = await loadKeyRing(dir.path, T0);
  });
  afterAll(() => dir.remove());
  const at = (now: number, over: Partial<TokenContext> = {}): TokenContext => ({
    keys,
    issuer: ISSUER,
    now,
    ...over,
  });

  it('gives the same answer as a fresh check at any time around the token’s window', async () => {
    const token = await signAccessToken(at(T0 + 400), claims);
    const edge = (ACCESS_TOKEN_TTL_S + CLOCK_TOLERANCE_S) * 1000;
    const offsets = fc.oneof(
      fc.integer({ min: -2 * edge, max: 2 * edge }),
      // Around each boundary, to the millisecond: the future iat, and the end.
      fc.integer({ min: -CLOCK_TOLERANCE_S * 1000 - 1500, max: -CLOCK_TOLERANCE_S * 1000 + 1500 }),
      fc.integer({ min: edge - 1500, max: edge + 1500 }),
    );
    await fc.assert(
      fc.asyncProperty(offsets, async (offset) => {
        verify = createAccessTokenVerifier();
        const fresh = await verify(at(T0 + offset), token);
        // Remembered from a check that succeeded at issue time, then asked again.
        expect(await verify(at(T0 + 400), token)).toEqual(claims);
        expect(await verify(at(T0 + offset), token)).toEqual(fresh);
      }),
      { numRuns: 150 },
    );
    verify = createAccessTokenVerifier();
    expect(await verify(at(T0 + 400), token)).toEqual(claims);
    expect(await verify(at(T0 + edge + 1000), token)).toBeNull();
  });

  it('checks a remembered token again against another issuer or a rotated key list', async () => {
    verify = createAccessTokenVerifier();
    const token = await signAccessToken(at(T0), claims);
    expect(await verify(at(T0), token)).toEqual(claims);
    expect(await verify(at(T0, { issuer: 'https://elsewhere.example' }), token)).toBe(null);
    // A ring that no longer publishes the signing key (a rotation past its grace).
    const other = tempDir();
    try {
      const rotated = await loadKeyRing(other.path, T0);
      expect(await verify(at(T0), token)).toEqual(claims); // remembered again
      expect(await verify(at(T0, { keys: rotated }), token)).toBeNull();
      // The same keys in a new list (a rotation that keeps the old key) still verify.
      const republished = { ...keys, published: [...keys.published] };
      expect(await verify(at(T0, { keys: republished }), token)).toEqual(claims);
    } finally {
      other.remove();
    }
  });

  it('refuses a forged token every time, after its genuine twin was remembered', async () => {
    verify = createAccessTokenVerifier();
    const token = await signAccessToken(at(T0), claims);
    expect(await verify(at(T0), token)).toEqual(claims);
    const forged = `${token.slice(0, -4)}AAAA`;
    expect(await verify(at(T0), forged)).toBeNull();
    expect(await verify(at(T0), forged)).toBeNull();
  });
});
