import { calculateJwkThumbprint, importJWK, jwtVerify, SignJWT } from 'jose';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/fixture';
import { createKeyFile, fileKeyStorage, keysDir } from '../storage/sqlite/key-files';
import { loadKeyRing, RETIRED_KEY_GRACE_MS } from './keys';

describe('key ring', () => {
  const dirs: { remove(): void }[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()));
  const dataDir = () => {
    const dir = tempDir();
    dirs.push(dir);
    return dir.path;
  };

  it('creates one owner-only RS256 key on first start and reuses it later', async () => {
    const data = dataDir();
    const first = await loadKeyRing(fileKeyStorage(data));
    const files = readdirSync(keysDir(data));
    expect(files).toHaveLength(1);
    expect(statSync(join(keysDir(data), files[0] ?? '')).mode & 0o777).toBe(0o600);
    expect(statSync(keysDir(data)).mode & 0o777).toBe(0o700);
    const second = await loadKeyRing(fileKeyStorage(data));
    expect(second.current.kid).toBe(first.current.kid);
    expect(readdirSync(keysDir(data))).toHaveLength(1);
  });

  it('names the file when a key cannot be read', async () => {
    const data = dataDir();
    await loadKeyRing(fileKeyStorage(data));
    const [file] = readdirSync(keysDir(data));
    writeFileSync(join(keysDir(data), file ?? ''), 'not a key');
    await expect(loadKeyRing(fileKeyStorage(data))).rejects.toThrow(
      new RegExp(`Cannot read the signing key .*${file}`),
    );
  });

  it('uses the JWK thumbprint as kid and publishes only public parameters', async () => {
    const ring = await loadKeyRing(fileKeyStorage(dataDir()));
    const jwk = ring.current.publicJwk;
    expect(jwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: ring.current.kid });
    expect(jwk).not.toHaveProperty('d');
    expect(jwk).not.toHaveProperty('p');
    expect(await calculateJwkThumbprint({ kty: 'RSA', n: jwk.n ?? '', e: jwk.e ?? '' })).toBe(
      ring.current.kid,
    );
  });

  it('signs with the newest key and keeps older keys for verification', async () => {
    const data = dataDir();
    const old = await loadKeyRing(fileKeyStorage(data));
    createKeyFile(data, new Date(Date.now() + 60_000));
    const ring = await loadKeyRing(fileKeyStorage(data));
    expect(ring.published.map((k) => k.kid)).toEqual([ring.current.kid, old.current.kid]);
    expect(ring.current.kid).not.toBe(old.current.kid);

    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: ring.current.kid })
      .sign(ring.current.privateKey);
    const { payload } = await jwtVerify(token, await importJWK(ring.current.publicJwk, 'RS256'));
    expect(payload).toEqual({});
  });

  it('stops publishing a key an hour after a newer one replaced it', async () => {
    const data = dataDir();
    const start = Date.parse('2026-01-01T00:00:00Z');
    createKeyFile(data, new Date(start));
    createKeyFile(data, new Date(start + 60_000));
    const soon = await loadKeyRing(
      fileKeyStorage(data),
      start + 60_000 + RETIRED_KEY_GRACE_MS - 1000,
    );
    expect(soon.published).toHaveLength(2);
    const later = await loadKeyRing(
      fileKeyStorage(data),
      start + 60_000 + RETIRED_KEY_GRACE_MS + 1000,
    );
    expect(later.published.map((k) => k.kid)).toEqual([later.current.kid]);
  });
});
