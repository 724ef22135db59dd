// createAccessTokenVerifier remembers tokens that verified and, for a remembered token,
// checks only the clock. These properties hold it to a verifier that asks jose every time,
// whenever the token is presented again (before it was issued, across its expiry), and to
// a new key list or issuer.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAsyncProperty } from '../../shared/test-support/property';
import { tempDir } from '../test-support/temp-dir';
import { ACCESS_TOKEN_TTL_S } from '../../shared/auth-api';
import {
  CLOCK_TOLERANCE_S,
  createAccessTokenVerifier,
  signAccessToken,
  verifyWithJose,
  type TokenContext,
} from './access-token';
import { fileKeyStorage } from '../storage/sqlite/key-files';
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
    keys = await loadKeyRing(fileKeyStorage(dir.path), T0);
    token = await signAccessToken(at(T0), CLAIMS);
  });
  afterAll(() => dir.remove());

  // Around every boundary jose checks: the tolerance before iat, the lifetime, the tolerance
  // after exp; millisecond offsets so the rounding to seconds is exercised too.
  const before = -CLOCK_TOLERANCE_S * 1000; // the earliest a token is taken (iat − tolerance)
  const after = (ACCESS_TOKEN_TTL_S + CLOCK_TOLERANCE_S) * 1000; // the latest (exp + tolerance)
  const offsetMs = fc.oneof(
    fc.integer({ min: before - 70_000, max: after + 70_000 }),
    fc.constantFrom(before - 1, before, before + 1, after - 1, after, after + 1, after + 1000),
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
    // The same keys in a new list (a rotation that keeps the old key) still verify.
    expect(await verify(at(T0, { ...keys, published: [...keys.published] }), token)).toEqual(
      CLAIMS,
    );
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(await verify(at(T0), forged)).toBeNull();
  });

  it('keeps at most its capacity of tokens, the oldest out first, and verifies those again', async () => {
    const fullChecks: string[] = [];
    const verify = createAccessTokenVerifier(2, (ctx, t) => {
      fullChecks.push(t);
      return verifyWithJose(ctx, t);
    });
    const [a, b, c] = await Promise.all(
      ['a', 'b', 'c'].map((s) => signAccessToken(at(T0), { userId: s, sessionId: s })),
    );
    for (const t of [a, b, c, b, c]) expect(await verify(at(T0), t as string)).not.toBeNull();
    // b and c were remembered; a, the oldest, was let go when c came, and is checked again.
    expect(fullChecks).toEqual([a, b, c]);
    expect(await verify(at(T0), a as string)).toEqual({ userId: 'a', sessionId: 'a' });
    expect(fullChecks).toEqual([a, b, c, a]);
  });
});
