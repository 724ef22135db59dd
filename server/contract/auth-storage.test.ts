// docs/api.md "Auth", secrets at rest: refresh tokens are "stored server-side only as
// hashes", passwords "hashed with scrypt (N=2^16, r=8, p=2) or stronger". The
// tests read the whole database, whatever its tables are called, so they hold
// for any schema.
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../test-support/fixture';
import {
  expectSession,
  login,
  PASSWORD,
  refresh,
  register,
  testApps,
} from '../test-support/auth-client';

const app = testApps();

/** Every row of every table, as text (BLOBs as hex and base64url too). */
async function databaseText(t: TestApp): Promise<string> {
  const cells: string[] = [];
  for (const name of await t.tables()) {
    for (const row of await t.query<object>(`SELECT * FROM "${name}"`)) {
      for (const value of Object.values(row)) {
        if (Buffer.isBuffer(value)) cells.push(value.toString('hex'), value.toString('base64url'));
        else cells.push(String(value));
      }
    }
  }
  return cells.join('\n');
}

describe('secrets at rest', () => {
  it('keeps no refresh token, access token or password in plain text', async () => {
    const t = await app();
    const s = await register(t.app);
    const l = await login(t.app, s.user.email);
    const r = await expectSession(await refresh(t.app, l.refreshToken), 200);
    const stored = await databaseText(t);
    for (const secret of [PASSWORD, s.refreshToken, l.refreshToken, r.refreshToken]) {
      expect(stored).not.toContain(secret);
    }
    for (const token of [s.accessToken, r.accessToken]) {
      expect(stored).not.toContain(token.split('.')[2]);
    }
  });

  it('hashes passwords with scrypt at N ≥ 2^16, r ≥ 8, p ≥ 2 in production', async () => {
    const t = await app({ realScrypt: true });
    await register(t.app);
    const params = /\$scrypt\$v=\d+\$N=(\d+),r=(\d+),p=(\d+)\$/.exec(await databaseText(t));
    expect(params, 'a $scrypt$ hash string in the database').not.toBeNull();
    const [n, r, p] = (params ?? []).slice(1).map(Number);
    expect(n).toBeGreaterThanOrEqual(2 ** 16);
    expect(r).toBeGreaterThanOrEqual(8);
    expect(p).toBeGreaterThanOrEqual(2);
  });
});
