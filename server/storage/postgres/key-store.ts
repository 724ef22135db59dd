// The signing keys every instance shares, in table signing_keys (storage.ts KeyStorage).
// A database dump or replica should not hand out the keys that sign access tokens, so
// with a secret (PYB_KEY_SECRET) each PEM is stored as AES-256-GCM ciphertext:
//   v1:<iv, base64>:<auth tag, base64>:<ciphertext, base64>
// with the key's name as associated data (a ciphertext moved to another name does not
// decrypt). The AES key is derived from the secret with scrypt, so a weak passphrase
// still costs an attacker dearly per guess. Without a secret the PEM is stored as is;
// a plain PEM is read as is either way (keys stored before a secret was set).
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import type { KeyStorage, StoredKey } from '../storage';
import type { Sql } from './connect';
import type { Query } from './query';

const FORMAT = 'v1';
/** Fixed, so every instance derives the same key from the same secret. */
const SALT = 'packyourbag/signing-keys/v1';
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export interface KeyStoreOptions {
  /** PYB_KEY_SECRET: any string; unset stores the PEMs unencrypted. */
  secret?: string | undefined;
}

/** Any fixed number other than the migration lock's: the same in every instance. */
const FIRST_KEY_LOCK = 7_260_402;

export function createPostgresKeyStore(sql: Sql, options: KeyStoreOptions = {}): KeyStorage {
  const { secret } = options;
  // Derived once, on first use: scrypt is deliberately slow.
  let key: Buffer | undefined;
  const aesKey = (given: string) => (key ??= scryptSync(given, SALT, 32, SCRYPT));
  const reveal = (row: StoredKey): StoredKey => ({
    name: row.name,
    pem: isEncrypted(row.pem)
      ? decrypt(row, secret === undefined ? undefined : aesKey(secret))
      : row.pem,
  });
  const insert = (q: Query, { name, pem }: StoredKey) => {
    const stored = secret === undefined ? pem : encrypt(name, pem, aesKey(secret));
    return q`INSERT INTO signing_keys (name, pem) VALUES (${name}, ${stored})
      ON CONFLICT (name) DO NOTHING`;
  };
  return {
    where: 'PostgreSQL table signing_keys: ',
    async list() {
      const rows = await sql<StoredKey[]>`SELECT name, pem FROM signing_keys`;
      return rows.map(reveal);
    },
    async add(stored) {
      // Two instances adding keys at once both succeed: names are unique (time and
      // random), and every instance signs with the newest once it has reloaded.
      await insert(sql, stored);
    },
    // Instances starting together on an empty table take turns (an advisory lock), so
    // they all end with the same single first key, not each signing with its own.
    async addFirst(first) {
      await sql.begin(async (tx) => {
        await tx`SELECT pg_advisory_xact_lock(${FIRST_KEY_LOCK})`;
        const [any] = await tx`SELECT 1 FROM signing_keys LIMIT 1`;
        if (!any) await insert(tx, first);
      });
    },
    async remove(name) {
      await sql`DELETE FROM signing_keys WHERE name = ${name}`;
    },
  };
}

const isEncrypted = (stored: string) => stored.startsWith(`${FORMAT}:`);

function encrypt(name: string, pem: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(name, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(pem, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64'));
  return [FORMAT, ...parts].join(':');
}

function decrypt({ name, pem: stored }: StoredKey, key: Buffer | undefined): string {
  if (!key) {
    throw new Error(
      `The signing key ${name} is stored encrypted; set PYB_KEY_SECRET to the secret it was stored with.`,
    );
  }
  const [, iv, tag, ciphertext] = stored.split(':').map((part) => Buffer.from(part, 'base64'));
  try {
    if (!iv || !tag || !ciphertext || iv.length !== 12 || tag.length !== 16) throw new Error();
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(name, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    // The cause says nothing useful ("Unsupported state or unable to authenticate data")
    // and must never carry key material.
    throw new Error(
      `Cannot decrypt the signing key ${name}: PYB_KEY_SECRET differs from the secret it was stored with (or the stored value is damaged).`,
    );
  }
}
