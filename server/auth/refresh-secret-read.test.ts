// The refresh secret is read from the database once per process, on the first refresh.
// A failed read (a database blip, a failover) must not be kept: the next refresh reads
// again instead of failing for the rest of the process's life.
import { afterEach, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/fixture';
import { register } from '../test-support/auth-client';
import { createAuthService } from './auth-service';

let t: TestApp | undefined;
afterEach(() => t?.close());

it('a failed read of the refresh secret is tried again on the next refresh', async () => {
  t = await createTestApp();
  const session = await register(t.app);
  const { storage } = t.deps;
  let reads = 0;
  const auth = createAuthService({
    ...t.deps,
    storage: {
      ...storage,
      refreshSecret: () => {
        reads += 1;
        return reads === 1 ? Promise.reject(new Error('connection lost')) : storage.refreshSecret();
      },
    },
  });
  const who = { ip: '127.0.0.1', userAgent: undefined };
  await expect(auth.refresh(session.refreshToken, who)).rejects.toThrow('connection lost');
  const renewed = await auth.refresh(session.refreshToken, who);
  expect(renewed.refreshToken).not.toBe(session.refreshToken);
  await auth.refresh(renewed.refreshToken, who);
  expect(reads).toBe(2); // kept once read
});
