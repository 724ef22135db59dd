// The RS256 key ring that signs access tokens. Keys live in <dataDir>/keys as
// PKCS#8 PEM files readable by the owner only (0600) in a 0700 folder. File names
// start with the creation time, so the newest file is the signing key and older
// ones stay published in the JWKS until their tokens have expired (key rotation:
// `npm run rotate-keys` adds a key; the running server picks it up within a minute).
// The kid of a key is its RFC 7638 JWK thumbprint, stable across restarts.
import { calculateJwkThumbprint, type JWK } from 'jose';
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

export interface SigningKey {
  kid: string;
  /** The PEM file's name in the keys folder. */
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

const KEY_FILE = /^(\d{8}T\d{6}Z)-[0-9a-f]{8}\.pem$/;

export const keysDir = (dataDir: string) => join(dataDir, 'keys');

/** Creates a new key file in the data directory; returns its name. */
export function createKeyFile(dataDir: string, now: Date = new Date()): string {
  const dir = keysDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const stamp = now.toISOString().replace(/[-:]|\.\d{3}/g, '');
  const name = `${stamp}-${randomBytes(4).toString('hex')}.pem`;
  // Write under a temporary name and rename, so a crash never leaves half a key.
  const tmp = join(dir, `.${name}.tmp`);
  writeFileSync(tmp, pem, { mode: 0o600, flag: 'wx' });
  chmodSync(tmp, 0o600);
  renameSync(tmp, join(dir, name));
  return name;
}

async function readKey(dir: string, file: string): Promise<SigningKey> {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(join(dir, file), 'utf8'));
  } catch (error) {
    throw new Error(
      `Cannot read the signing key ${join(dir, file)} (${(error as Error).message}); restore it from a backup or move it away to create a new one (users then sign in again).`,
    );
  }
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' }) as JWK;
  const kid = await calculateJwkThumbprint(jwk, 'sha256');
  const stamp = KEY_FILE.exec(file)?.[1] ?? '';
  const createdAt = new Date(
    stamp.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
  );
  const publicJwk = { ...jwk, kid, alg: 'RS256', use: 'sig' };
  return { kid, file, createdAt, privateKey, publicJwk };
}

/** Loads the key ring, creating the first key on first start. */
export async function loadKeyRing(dataDir: string, now: number = Date.now()): Promise<KeyRing> {
  const dir = keysDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let files = readdirSync(dir).filter((f) => KEY_FILE.test(f));
  if (files.length === 0) {
    createKeyFile(dataDir);
    files = readdirSync(dir).filter((f) => KEY_FILE.test(f));
  }
  const all = await Promise.all(
    files
      .sort()
      .reverse()
      .map((file) => readKey(dir, file)),
  );
  const current = all[0];
  if (!current) throw new Error(`No signing key in ${dir}`);
  // Keep a key while the key that replaced it is younger than the grace period.
  const published = all.filter(
    (_key, i) => i === 0 || now - (all[i - 1]?.createdAt.getTime() ?? 0) < RETIRED_KEY_GRACE_MS,
  );
  return { current, published };
}
