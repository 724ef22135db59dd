// `admin check`: what a self-hoster should know before trusting the data directory —
// the database's integrity, migrations still to apply, the signing keys, and that no
// file holding secrets is readable by anyone but the server's user.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { integrityProblems } from '../../backup/backup';
import { loadKeyRing } from '../../auth/keys';
import { checkLines, type CheckLine } from '../check-lines';
import { fileKeyStorage, keysDir } from './key-files';
import { pendingMigrations, type Migration } from '../../db/migrate';
import { databasePath } from '../../db/open';

export async function checkDataDir(
  dataDir: string,
  migrations: readonly Migration[],
): Promise<CheckLine[]> {
  const { lines, ok, problem } = checkLines();
  if (!existsSync(dataDir)) {
    problem(`${dataDir} does not exist: start the server once, or check PYB_DATA_DIR.`);
    return lines;
  }
  const privateMode = (path: string, wanted: number) => {
    const mode = statSync(path).mode & 0o777;
    if ((mode & 0o077) === 0) return true;
    problem(
      `${path} is readable by others (mode ${mode.toString(8)}): chmod ${wanted.toString(8)} it.`,
    );
    return false;
  };
  if (privateMode(dataDir, 0o700)) ok(`${dataDir}: only its owner can enter it`);

  const file = databasePath(dataDir);
  if (!existsSync(file)) problem(`${file} does not exist: start the server once.`);
  else {
    privateMode(file, 0o600);
    const db = new Database(file, { readonly: true });
    try {
      const problems = integrityProblems(db);
      if (problems) problem(`${file} failed its integrity check: ${problems}`);
      else ok(`${file}: integrity ok`);
      const pending = pendingMigrations(db, migrations).map((m) => m.version);
      ok(
        pending.length === 0
          ? 'schema: up to date'
          : `schema: migrations ${pending.join(', ')} pending (applied at the next start, or by npm run migrate)`,
      );
    } catch (error) {
      problem(`${file}: ${(error as Error).message}`);
    } finally {
      db.close();
    }
  }

  const dir = keysDir(dataDir);
  const keyFiles = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pem')) : [];
  if (keyFiles.length === 0) {
    problem(`${dir} holds no signing key: the server creates one at its first start.`);
  } else {
    keyFiles.forEach((f) => privateMode(join(dir, f), 0o600));
    try {
      const ring = await loadKeyRing(fileKeyStorage(dataDir));
      ok(`signing key ${ring.current.kid}; ${ring.published.length} published`);
    } catch (error) {
      problem((error as Error).message);
    }
  }
  return lines;
}
