import { describe, expect, it } from 'vitest';
import { TEST_SCRYPT } from '../test-support/fixture';
import {
  dummyHash,
  hashPassword,
  MAX_CONCURRENT_HASHES,
  PRODUCTION_SCRYPT,
  takePeakConcurrentHashes,
  verifyPassword,
} from './password';

describe('password hashing', () => {
  it('uses scrypt N=2^16, r=8, p=2 in production', () => {
    expect(PRODUCTION_SCRYPT).toEqual({ N: 65536, r: 8, p: 2 });
  });

  it('stores a self-describing hash with a per-user salt', async () => {
    const a = await hashPassword('correct horse', TEST_SCRYPT);
    const b = await hashPassword('correct horse', TEST_SCRYPT);
    expect(a).toMatch(/^\$scrypt\$v=1\$N=1024,r=8,p=1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse');
  });

  it('accepts the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('correct horse', TEST_SCRYPT);
    expect(await verifyPassword('correct horse', stored, TEST_SCRYPT)).toEqual({
      ok: true,
      needsRehash: false,
    });
    expect((await verifyPassword('correct horsE', stored, TEST_SCRYPT)).ok).toBe(false);
  });

  it('matches the same password typed as NFC or NFD', async () => {
    const stored = await hashPassword('caf\u00e9 au lait', TEST_SCRYPT);
    expect((await verifyPassword('cafe\u0301 au lait', stored, TEST_SCRYPT)).ok).toBe(true);
  });

  it('asks for a rehash when the parameters changed', async () => {
    const stored = await hashPassword('correct horse', { N: 512, r: 8, p: 1 });
    expect(await verifyPassword('correct horse', stored, TEST_SCRYPT)).toEqual({
      ok: true,
      needsRehash: true,
    });
  });

  it('never accepts a malformed stored hash', async () => {
    expect((await verifyPassword('x', 'plain', TEST_SCRYPT)).ok).toBe(false);
    expect((await verifyPassword('', await dummyHash(TEST_SCRYPT), TEST_SCRYPT)).ok).toBe(false);
  });

  it('hashes with the production cost (64 MiB) without hitting maxmem', async () => {
    const stored = await hashPassword('correct horse', PRODUCTION_SCRYPT);
    expect(stored).toContain('$N=65536,r=8,p=2$');
    expect((await verifyPassword('correct horse', stored, PRODUCTION_SCRYPT)).ok).toBe(true);
  });
  it('runs one hash at a time; the others wait their turn and all finish', async () => {
    takePeakConcurrentHashes();
    const finished: number[] = [];
    const hashes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        hashPassword(`password number ${i}`, TEST_SCRYPT).then((hash) => {
          finished.push(i);
          return hash;
        }),
      ),
    );
    expect(MAX_CONCURRENT_HASHES).toBe(1);
    expect(takePeakConcurrentHashes()).toBe(1);
    // In arrival order: nobody who came later overtakes a waiting sign-in.
    expect(finished).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const checks = await Promise.all(
      hashes.map((hash, i) => verifyPassword(`password number ${i}`, hash, TEST_SCRYPT)),
    );
    expect(checks.every((c) => c.ok)).toBe(true);
  });
});
