// docs/api.md "Auth", login: 401 invalid_credentials with "the same body and similar
// time whether or not the email exists"; "unknown emails still pay for a hash".
// verifyPassword is wrapped (same behaviour, calls counted) to see the hash
// being paid; one test times both paths with the production scrypt cost.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as PasswordModule from '../auth/password';
import { verifyPassword } from '../auth/password';
import { expectError, post, register, testApps, uniqueEmail } from '../test-support/auth-client';

vi.mock('../auth/password', async (importOriginal) => {
  const original = await importOriginal<typeof PasswordModule>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const app = testApps();
const verify = vi.mocked(verifyPassword);
afterEach(() => verify.mockClear());

const attempt = (a: Awaited<ReturnType<typeof app>>['app'], email: string) =>
  post(a, '/api/auth/login', { body: { email, password: 'not the password' } });

describe('login without user enumeration', () => {
  it('verifies a password hash once for an unknown email, as for a wrong password', async () => {
    const t = await app();
    const s = await register(t.app);
    verify.mockClear();
    await expectError(await attempt(t.app, s.user.email), 401, 'invalid_credentials');
    expect(verify).toHaveBeenCalledTimes(1);
    verify.mockClear();
    await expectError(await attempt(t.app, uniqueEmail()), 401, 'invalid_credentials');
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('still verifies a hash when the account is locked (its existence stays hidden)', async () => {
    const t = await app();
    const s = await register(t.app);
    for (let i = 0; i < 5; i += 1) await attempt(t.app, s.user.email);
    verify.mockClear();
    await expectError(await attempt(t.app, s.user.email), 401, 'invalid_credentials');
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('takes as long for an unknown email as for a wrong password (production scrypt)', async () => {
    const t = await app({ realScrypt: true });
    const s = await register(t.app);
    const time = async (email: string) => {
      const started = performance.now();
      await expectError(await attempt(t.app, email), 401, 'invalid_credentials');
      return performance.now() - started;
    };
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      wrong.push(await time(s.user.email));
      unknown.push(await time(uniqueEmail()));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] ?? 0;
    // Loose bounds: the point is that both pay a ~0.35 s hash, not a 1 ms lookup.
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.5);
    expect(median(unknown)).toBeGreaterThan(50);
  });
});
