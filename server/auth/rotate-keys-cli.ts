// `npm run rotate-keys`: adds a new signing key to PYB_DATA_DIR/keys. A running
// server starts signing with it at its next key reload (within a minute) and
// keeps publishing the previous key until the tokens it signed have expired.
// Key files that are no longer published are deleted, so a retired private key
// cannot leak from a backup taken later.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { createKeyFile, keysDir, loadKeyRing } from './keys';

async function rotate(): Promise<void> {
  const config = loadConfig(process.env);
  const before = await loadKeyRing(config.dataDir); // fails early on an unreadable key
  // Key files sort by their second-resolution time stamp: keep the new one strictly newest.
  createKeyFile(
    config.dataDir,
    new Date(Math.max(Date.now(), before.current.createdAt.getTime() + 1000)),
  );
  const after = await loadKeyRing(config.dataDir);
  const published = new Set(after.published.map((k) => k.file));
  const dir = keysDir(config.dataDir);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.pem'))) {
    if (!published.has(file)) rmSync(join(dir, file));
  }
  console.log(
    `New signing key ${after.current.kid}; published: ${after.published.map((k) => k.kid).join(', ')}`,
  );
}

rotate().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError
      ? error.message
      : `Key rotation failed: ${(error as Error).message}`,
  );
  process.exitCode = 1;
});
