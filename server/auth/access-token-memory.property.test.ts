// createAccessTokenVerifier remembers tokens that verified and, for a remembered token,
// checks only the clock. These properties hold it to a verifier that asks jose every time,
// whenever the token is presented again (before it was issued, across its expiry), and to
// a new key list or issuer.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAsyncProperty } from '../../shared/test-support/property';
import { tempDir } from '../test-support/temp-dir';
import { ACCESS_TTL_S } from '../test-support/auth-client';
import { createAccessTokenVerifier, signAccessToken, type TokenContext } from './access-token';
import { loadKeyRing, type KeyRing } from './keys';

const ISSUER = 'http://localhost:8080';
const T0 = Date.parse('2026-11-26T10:00:00.000Z');
const CLAIMS = { userId: 'u1', sessionId: 's1' };

describe('remembered access tokens', () => {
  const dir = tempDir();
  let keys: KeyRing;
  let token: string;
  const at = (now: number, ring = keys, issuer = ISSUER): TokenContext => ({
    keys: ring,
    issuer,
    now,
  });
  beforeAll(async () => {
    keys = await loadKeyRing(dir.path, T0);
    token = await signAccessToken(at(T0), CLAIMS);
  });
  afterAll(() => dir.remove());

  // Around every boundary jose checks: the tolerance before iat, the lifetime, the tolerance
  // after exp; millisecond offsets so the rounding to seconds is exercised too.
  const offsetMs = fc.oneof(
    fc.integer({ min: -100_000, max: (ACCESS_TTL_S + 100) * 1000 }),
    fc.constantFrom(-30_001, -30_000, -29_999, 929_999, 930_000, 930_001, 931_000),
  );

  checkAsyncProperty(
    'a remembered token is accepted exactly when jose accepts it, at any later or earlier time',
    fc.asyncProperty(fc.array(offsetMs, { minLength: 1, maxLength: 6 }), async (offsets) => {
      const remembering = createAccessTokenVerifier();
      expect(await remembering(at(T0), token)).toEqual(CLAIMS);
      for (const offset of offsets) {
        const fresh = await createAccessTokenVerifier()(at(T0 + offset), token);
        expect(await remembering(at(T0 + offset), token)).toEqual(fresh);
      }
    }),
    { numRuns: 60 },
  );

  it('asks again for another issuer or a new key list, and never takes a forged token', async () => {
    const verify = createAccessTokenVerifier();
    expect(await verify(at(T0), token)).toEqual(CLAIMS);
    expect(await verify(at(T0, keys, 'https://elsewhere.example'), token)).toBeNull();
    expect(await verify(at(T0, { ...keys, published: [] }), token)).toBeNull();
    expect(await verify(at(T0), token)).toEqual(CLAIMS);
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(await verify(at(T0), forged)).toBeNull();
  });

  it('keeps at most its capacity of tokens and still verifies the ones it let go', async () => {
    const verify = createAccessTokenVerifier(2);
    const tokens = await Promise.all(
      ['a', 'b', 'c'].map((s) => signAccessToken(at(T0), { userId: s, sessionId: s })),
    );
    for (const t of tokens) expect(await verify(at(T0), t)).not.toBeNull();
    expect(await verify(at(T0), tokens[0] as string)).toEqual({ userId: 'a', sessionId: 'a' });
  });
});
