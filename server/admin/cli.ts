// `npm run admin -- <command> [args]` (and `node dist/server/admin.js <command>` in the
// container): backups, restore and account help for the person running the server.
// Exit codes: 0 done, 1 failed, 2 usage. Every error is one line; nothing secret (no
// password, hash or token) is ever printed.
import type { Writable } from 'node:stream';
import { emailSchema, passwordSchema } from '../../shared/auth-api';
import { PRODUCTION_SCRYPT, type ScryptParams } from '../auth/password';
import { BackupError, backupDatabase } from '../backup/backup';
import { restoreDatabase } from '../backup/restore';
import { ConfigError, loadConfig, type Config } from '../config';
import { readMigrations } from '../db/migrate';
import { databasePath, openDatabase, type Db } from '../db/open';
import { existsSync } from 'node:fs';
import { MIGRATIONS_DIR } from '../paths';
import { takeExclusiveLock } from '../backup/server-lock';
import { migrate } from '../db/migrate';
import { copySqliteToPostgres, CopyError } from '../storage/copy-to-postgres';
import { openStorage } from '../storage/open-storage';
import { connectPostgres } from '../storage/postgres/connect';
import { migratePostgres } from '../storage/postgres/migrate';
import { createPostgresStorage } from '../storage/postgres/postgres-storage';
import { markPostgresRestored } from '../storage/postgres/restored';
import { fileKeyStorage } from '../storage/sqlite/key-files';
import { AdminError, createAccountAdmin, type UserSummary } from './accounts';
import { checkPostgres } from '../storage/postgres/check';
import { checkDataDir } from '../storage/sqlite/check';
import { readNewPassword, type PasswordInput } from './read-password';

export const USAGE = `Usage: npm run admin -- <command> [arguments]
  backup <file>               copy the live database to <file> (safe while the server runs)
  restore <file> [--force]    put a backup in place of the database (stop the server first)
  users                       list the accounts
  create-user <email>         make an account (password from stdin, or typed at a prompt)
  reset-password <email>      set a new password and end all the user's sessions
  disable <email>             stop the account signing in and end its sessions
  enable <email>              let a disabled account sign in again
  revoke-sessions <email>     sign the user out on every device
  delete-user <email> --yes   erase the account and all its data
  check                       database integrity, pending migrations, keys, file modes
  copy-to-postgres            copy the SQLite data in PYB_DATA_DIR into the empty
                              PostgreSQL database at PYB_DATABASE_URL (stop the server first)
  mark-restored               after pg_restore: devices send again what the dump lacks
The data directory is PYB_DATA_DIR (default ./data); with PYB_DATABASE_URL set, the
account commands work on that PostgreSQL database (docs/scaling.md).`;

export interface AdminIo {
  env: Record<string, string | undefined>;
  stdin: PasswordInput;
  stdout: Writable;
  stderr: Writable;
  now?: () => number;
  /** Password hashing cost; production unless a test lowers it. */
  scrypt?: ScryptParams;
}

class UsageError extends Error {}

const ARITY: Record<string, number> = {
  backup: 1,
  restore: 1,
  users: 0,
  'create-user': 1,
  'reset-password': 1,
  disable: 1,
  enable: 1,
  'revoke-sessions': 1,
  'delete-user': 1,
  check: 0,
  'copy-to-postgres': 0,
  'mark-restored': 0,
};
const FLAGS: Record<string, string[]> = { restore: ['--force'], 'delete-user': ['--yes'] };

export async function runAdmin(argv: readonly string[], io: AdminIo): Promise<number> {
  const say = (line: string) => io.stdout.write(`${line}\n`);
  try {
    const [command = '', ...rest] = argv;
    if (command === 'help' || command === '--help' || command === '-h') {
      say(USAGE);
      return 0;
    }
    const args = rest.filter((a) => !a.startsWith('--'));
    const flags = new Set(rest.filter((a) => a.startsWith('--')));
    const arity = ARITY[command];
    if (arity === undefined) throw new UsageError(`Unknown command "${command}".`);
    if (args.length !== arity) throw new UsageError(`${command} takes ${arity} argument(s).`);
    for (const flag of flags) {
      if (!FLAGS[command]?.includes(flag)) throw new UsageError(`${command} has no ${flag}.`);
    }
    const config = loadConfig(io.env);
    await run(command, args, flags, config, io, say);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n${USAGE}\n`);
      return 2;
    }
    io.stderr.write(`${oneLine(error)}\n`);
    return 1;
  }
}

async function run(
  command: string,
  args: string[],
  flags: Set<string>,
  config: Config,
  io: AdminIo,
  say: (line: string) => void,
): Promise<void> {
  const now = io.now ?? Date.now;
  const migrations = readMigrations(MIGRATIONS_DIR);
  const arg = args[0] ?? '';
  if (config.database) {
    const done = await runOnPostgres(command, config.database.url, config, now, say);
    if (done) return;
  } else if (command === 'copy-to-postgres' || command === 'mark-restored') {
    throw new AdminError(
      `${command} needs PYB_DATABASE_URL: the PostgreSQL database to ${command === 'mark-restored' ? 'mark' : 'copy into'}.`,
    );
  }
  if (command === 'restore') {
    const report = restoreDatabase({
      dataDir: config.dataDir,
      backupFile: arg,
      migrations,
      now: now(),
      tombstoneDays: config.tombstoneDays,
      force: flags.has('--force'),
    });
    say(
      `Restored ${report.restored} from ${arg} (taken ${report.backedUpAt ?? 'at an unknown time'}).`,
    );
    if (report.keptAside) say(`The database it replaced is kept as ${report.keptAside}.`);
    if (report.migrated.length) {
      say(`Migrated the restored database to this version (${report.migrated.join(', ')}).`);
    }
    say('Devices send again what the backup lacks when they next sync.');
    return;
  }
  if (command === 'check') {
    const lines = await checkDataDir(config.dataDir, migrations);
    for (const line of lines) say(`${line.ok ? 'ok     ' : 'PROBLEM'} ${line.text}`);
    if (lines.some((line) => !line.ok)) throw new AdminError('check found problems (above).');
    return;
  }
  if (command === 'delete-user' && !flags.has('--yes')) {
    throw new UsageError('delete-user erases everything of the account: add --yes.');
  }
  if (command === 'backup') {
    const db = openLiveDatabase(config);
    try {
      const report = await backupDatabase(db, arg, now(), 'snapshot');
      say(
        `Backed up to ${report.file}: ${report.bytes} bytes, ${report.cells} cells, ` +
          `last sync sequence ${report.lastSeq}; integrity ok.`,
      );
      return;
    } finally {
      // A plain close: a checkpoint here would hold off the running server's writers.
      db.close();
    }
  }
  if (!config.database) openLiveDatabase(config).close();
  // A plain close at the end: a checkpoint would hold off the running server's writers.
  const { storage } = await openStorage(config, { checkpointOnClose: false });
  try {
    const accounts = createAccountAdmin(storage, now, io.scrypt ?? PRODUCTION_SCRYPT);
    if (command === 'users') return printUsers(await accounts.list(), say);
    const email = parseEmail(arg);
    switch (command) {
      case 'create-user':
        await accounts.create(email, await newPassword(io));
        return say(`Created the account ${email}.`);
      case 'reset-password':
        await accounts.resetPassword(email, await newPassword(io));
        return say(`Set a new password for ${email}; all their sessions ended.`);
      case 'disable':
        await accounts.disable(email);
        return say(`Disabled ${email}: no sign-in or refresh until enabled; sessions ended.`);
      case 'enable':
        await accounts.enable(email);
        return say(`Enabled ${email}.`);
      case 'revoke-sessions':
        await accounts.revokeSessions(email);
        return say(`Ended every session of ${email}.`);
      case 'delete-user':
        await accounts.remove(email);
        return say(`Deleted ${email} and all their data.`);
    }
  } finally {
    await storage.close();
  }
}

/** The server's database; never created here (a typo in PYB_DATA_DIR must not make one). */
function openLiveDatabase(config: Config): Db {
  const file = databasePath(config.dataDir);
  if (!existsSync(file)) {
    throw new AdminError(`No database at ${file}: start the server once, or check PYB_DATA_DIR.`);
  }
  return openDatabase(file);
}

/**
 * The commands that differ on PostgreSQL; true when `command` was one of them. Backups
 * and restores there are pg_dump's and pg_restore's (docs/scaling.md).
 */
async function runOnPostgres(
  command: string,
  url: string,
  config: Config,
  now: () => number,
  say: (line: string) => void,
): Promise<boolean> {
  if (command === 'backup' || command === 'restore') {
    throw new AdminError(
      `On PostgreSQL, ${command === 'backup' ? 'back up with pg_dump' : 'restore with pg_restore, then run mark-restored'} (docs/scaling.md).`,
    );
  }
  if (command === 'copy-to-postgres') {
    await copyToPostgres(config, url, say);
    return true;
  }
  if (command === 'mark-restored') {
    const { storage, sql } = await openPostgresForAdmin(config, url);
    try {
      const epoch = await markPostgresRestored(sql, now());
      say(`Marked ${storage.location} as restored (epoch ${epoch}).`);
      say('Devices send again what the dump lacks when they next sync.');
    } finally {
      await storage.close();
    }
    return true;
  }
  if (command === 'check') {
    const { storage, sql } = await openPostgresForAdmin(config, url, { migrate: false });
    try {
      const lines = await checkPostgres(storage, sql);
      for (const line of lines) say(`${line.ok ? 'ok     ' : 'PROBLEM'} ${line.text}`);
      if (lines.some((line) => !line.ok)) throw new AdminError('check found problems (above).');
    } finally {
      await storage.close();
    }
    return true;
  }
  return false;
}

/** The SQLite data of PYB_DATA_DIR into the PostgreSQL database at `url`, migrated first. */
async function copyToPostgres(config: Config, url: string, say: (line: string) => void) {
  // No server may write to the SQLite file meanwhile: what it wrote would be left behind.
  const lock = takeExclusiveLock(config.dataDir);
  if (!lock) {
    throw new AdminError(
      `A server is running on ${config.dataDir}: stop it first, so nothing it writes is left behind.`,
    );
  }
  try {
    const sqlite = openLiveDatabase(config);
    try {
      migrate(sqlite, readMigrations(MIGRATIONS_DIR));
      const { storage, sql } = await openPostgresForAdmin(config, url);
      try {
        const report = await copySqliteToPostgres({
          sqlite,
          sqliteKeys: fileKeyStorage(config.dataDir),
          postgres: sql,
          postgresKeys: storage.keys,
          onProgress: (table, copied, total) => say(`${table}: ${copied} of ${total}`),
        });
        const cells = report.rows['cells'] ?? 0;
        const users = report.rows['users'] ?? 0;
        say(
          `Copied ${users} account(s), ${cells} cell(s) and ${report.keys} signing key(s) into ${storage.location}.`,
        );
        say('Start the server with PYB_DATABASE_URL set; devices and sessions carry on as before.');
      } finally {
        await storage.close();
      }
    } finally {
      sqlite.close();
    }
  } finally {
    lock.release();
  }
}

async function openPostgresForAdmin(config: Config, url: string, options = { migrate: true }) {
  const sql = connectPostgres(url, { max: 2 });
  try {
    if (options.migrate) await migratePostgres(sql);
  } catch (error) {
    await sql.end({ timeout: 5 });
    throw new AdminError(`Cannot prepare the PostgreSQL database: ${(error as Error).message}`);
  }
  return { sql, storage: createPostgresStorage(sql, { url, keySecret: config.keySecret }) };
}

function parseEmail(raw: string): string {
  const parsed = emailSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`"${raw}" is not an email address.`);
  return parsed.data;
}

async function newPassword(io: AdminIo): Promise<string> {
  const password = await readNewPassword(io.stdin, io.stderr);
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) {
    throw new AdminError(`Password refused: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
  }
  return parsed.data;
}

function printUsers(users: UserSummary[], say: (line: string) => void): void {
  const day = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString().slice(0, 16));
  const rows = [
    ['email', 'created', 'last sign-in', 'sessions', 'cells', 'disabled'],
    ...users.map((u) => [
      u.email,
      day(u.createdAt),
      day(u.lastLoginAt),
      String(u.liveSessions),
      String(u.cells),
      u.disabledAt === null ? 'no' : `since ${day(u.disabledAt)}`,
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  for (const row of rows)
    say(
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    );
  say(`${users.length} account(s)`);
}

/** One line, whatever the error; config errors list each problem, joined. */
function oneLine(error: unknown): string {
  if (error instanceof ConfigError) return error.message.replace(/\n- /g, ' ').trim();
  if (error instanceof AdminError || error instanceof BackupError || error instanceof CopyError) {
    return error.message;
  }
  return `admin failed: ${error instanceof Error ? error.message : String(error)}`;
}
