// `admin check` on PostgreSQL: the database answers, its schema is current, the
// signing keys in it can be read (decrypted with PYB_KEY_SECRET when they are encrypted).
import { loadKeyRing } from '../../auth/keys';
import { checkLines, type CheckLine } from '../check-lines';
import type { Storage } from '../storage';
import type { Sql } from './connect';
import { pendingPostgresMigrations } from './migrate';

/** `admin check` on PostgreSQL: the database answers, its schema, the signing keys. */
export async function checkPostgres(storage: Storage, sql: Sql): Promise<CheckLine[]> {
  const { lines, ok, problem } = checkLines();
  try {
    await storage.ping();
    ok(`${storage.location}: answers`);
  } catch (error) {
    problem(`${storage.location} does not answer: ${(error as Error).message}`);
    return lines;
  }
  try {
    const pending = (await pendingPostgresMigrations(sql)).map((m) => m.version);
    ok(
      pending.length === 0
        ? 'schema: up to date'
        : `schema: migrations ${pending.join(', ')} pending (applied at the next start, or by npm run migrate)`,
    );
  } catch (error) {
    problem(`schema: ${(error as Error).message}`);
    return lines;
  }
  try {
    // Read only: loadKeyRing would create a first key in an empty table.
    if ((await storage.keys.list()).length === 0) {
      problem('no signing key stored: the server creates one at its first start.');
    } else {
      const ring = await loadKeyRing(storage.keys);
      ok(`signing key ${ring.current.kid}; ${ring.published.length} published`);
    }
  } catch (error) {
    problem((error as Error).message);
  }
  return lines;
}
