// `npm run rotate-keys`: adds a new signing key where the server keeps them (files in
// PYB_DATA_DIR/keys beside SQLite, the database on PostgreSQL). Running servers
// publish it at their next key reload (within a minute) and sign with it two minutes
// after its creation (auth/keys.ts KEY_ACTIVATION_MS), so every instance accepts it
// first. Keys that are no longer published are deleted, so a retired private key
// cannot leak from a backup taken later.
import { ConfigError, loadConfig } from '../config';
import { openKeyStorage } from '../storage/open-storage';
import { loadKeyRing, newSigningKey } from './keys';

async function rotate(): Promise<void> {
  const config = loadConfig(process.env);
  const { keys, close } = await openKeyStorage(config);
  try {
    const before = await loadKeyRing(keys); // fails early on an unreadable key
    // Key names sort by their second-resolution time stamp: keep the new one strictly newest.
    const newest = Math.max(...before.published.map((key) => key.createdAt.getTime()));
    const added = newSigningKey(new Date(Math.max(Date.now(), newest + 1000)));
    await keys.add(added);
    const after = await loadKeyRing(keys);
    const published = new Set(after.published.map((key) => key.file));
    for (const { name } of await keys.list()) {
      if (!published.has(name)) await keys.remove(name);
    }
    const kid = after.published.find((key) => key.file === added.name)?.kid ?? '?';
    console.log(
      `New signing key ${kid}; published: ${after.published.map((k) => k.kid).join(', ')}`,
    );
  } finally {
    await close();
  }
}

rotate().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError
      ? error.message
      : `Key rotation failed: ${(error as Error).message}`,
  );
  process.exitCode = 1;
});
