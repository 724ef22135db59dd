// The signing keys beside a SQLite database: PKCS#8 PEM files in <dataDir>/keys,
// readable by the owner only (0600) in a 0700 folder, named as auth/keys.ts names
// keys. Backups copy the folder with the database (backup/backup.ts).
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { KEY_NAME, newSigningKey } from '../../auth/keys';
import type { KeyStorage, StoredKey } from '../storage';

export const keysDir = (dataDir: string) => join(dataDir, 'keys');

function writeKeyFile(dir: string, { name, pem }: StoredKey): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Write under a temporary name and rename, so a crash never leaves half a key.
  const tmp = join(dir, `.${name}.tmp`);
  writeFileSync(tmp, pem, { mode: 0o600, flag: 'wx' });
  chmodSync(tmp, 0o600);
  renameSync(tmp, join(dir, name));
}

const keyFiles = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((file) => KEY_NAME.test(file)) : [];

export function fileKeyStorage(dataDir: string): KeyStorage {
  const dir = keysDir(dataDir);
  return {
    where: `${dir}/`,
    async list() {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      return keyFiles(dir).map((name) => ({ name, pem: readFileSync(join(dir, name), 'utf8') }));
    },
    async add(key) {
      writeKeyFile(dir, key);
    },
    // One process owns the folder (backup/server-lock.ts), so check-then-write is atomic.
    async addFirst(key) {
      if (keyFiles(dir).length === 0) writeKeyFile(dir, key);
    },
    async remove(name) {
      if (KEY_NAME.test(name)) rmSync(join(dir, name), { force: true });
    },
  };
}

/** Creates a new key file in the data directory; returns its name (tests, rotation). */
export function createKeyFile(dataDir: string, now: Date = new Date()): string {
  const key = newSigningKey(now);
  writeKeyFile(keysDir(dataDir), key);
  return key.name;
}
