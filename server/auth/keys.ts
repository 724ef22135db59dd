// The RS256 key ring that signs access tokens. Keys are PKCS#8 PEM, stored by the
// storage engine (storage/storage.ts KeyStorage): files in <dataDir>/keys beside a
// SQLite database (storage/sqlite/key-files.ts), a table shared by every instance on
// PostgreSQL. Names start with the creation time, so the newest key is the signing key
// and older ones stay published in the JWKS until their tokens have expired (key
// rotation: `npm run rotate-keys` adds a key; running servers pick it up within a
// minute). The kid of a key is its RFC 7638 JWK thumbprint, stable across restarts.
import { calculateJwkThumbprint, type JWK } from 'jose';
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import type { KeyStorage, StoredKey } from '../storage/storage';

export interface SigningKey {
  kid: string;
  /** The stored key's name (its file name beside SQLite). */
  file: string;
  createdAt: Date;
  privateKey: KeyObject;
  publicJwk: JWK;
}

export interface KeyRing {
  /** The key new tokens are signed with (the newest). */
  current: SigningKey;
  /** Every key still accepted for verification and published in the JWKS, newest first. */
  published: SigningKey[];
}

/**
 * How long a key stays published after a newer one appeared: an access token's
 * life (15 min) plus clock tolerance plus the server's key reload interval,
 * rounded up generously. Older key files are no longer trusted.
 */
export const RETIRED_KEY_GRACE_MS = 60 * 60 * 1000;

/**
 * A key newer than this is published but not yet signed with (unless no key is older):
 * every instance reloads its ring within a minute, so by the time one signs with a new
 * key, all of them accept it.
 */
export const KEY_ACTIVATION_MS = 2 * 60 * 1000;

export const KEY_NAME = /^(\d{8}T\d{6}Z)-[0-9a-f]{8}\.pem$/;

/** A new RSA key, named by `now` (second resolution) and 4 random bytes. */
export function newSigningKey(now: Date = new Date()): StoredKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const stamp = now.toISOString().replace(/[-:]|\.\d{3}/g, '');
  return { name: `${stamp}-${randomBytes(4).toString('hex')}.pem`, pem };
}

async function readKey(where: string, { name, pem }: StoredKey): Promise<SigningKey> {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    throw new Error(
      `Cannot read the signing key ${where}${name} (${(error as Error).message}); restore it from a backup or move it away to create a new one (users then sign in again).`,
    );
  }
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' }) as JWK;
  const kid = await calculateJwkThumbprint(jwk, 'sha256');
  const stamp = KEY_NAME.exec(name)?.[1] ?? '';
  const createdAt = new Date(
    stamp.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
  );
  const publicJwk = { ...jwk, kid, alg: 'RS256', use: 'sig' };
  return { kid, file: name, createdAt, privateKey, publicJwk };
}

/** Loads the key ring, creating the first key on first start. */
export async function loadKeyRing(store: KeyStorage, now: number = Date.now()): Promise<KeyRing> {
  let stored = (await store.list()).filter((key) => KEY_NAME.test(key.name));
  if (stored.length === 0) {
    await store.addFirst(newSigningKey(new Date(now)));
    stored = (await store.list()).filter((key) => KEY_NAME.test(key.name));
  }
  const all = await Promise.all(
    stored
      .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0))
      .map((key) => readKey(store.where, key)),
  );
  const newest = all[0];
  if (!newest) throw new Error(`No signing key in ${store.where}`);
  // Keep a key while the key that replaced it is younger than the grace period.
  const published = all.filter(
    (_key, i) => i === 0 || now - (all[i - 1]?.createdAt.getTime() ?? 0) < RETIRED_KEY_GRACE_MS,
  );
  const current = all.find((key) => now - key.createdAt.getTime() >= KEY_ACTIVATION_MS) ?? newest;
  return { current, published };
}
