// A throwaway PostgreSQL cluster for the tests and benches: Debian's server binaries,
// a fresh data folder, a free loopback port and a socket folder of its own, stopped
// (fast shutdown) and removed at the end. PostgreSQL refuses to run as root, so as
// root the cluster runs as the `postgres` user (runuser), owning its folders.
// A missing PostgreSQL fails with the command that installs it.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port';
import { tempDir } from './temp-dir';

// What the global setup hands the tests (vitest's provide/inject).
declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway cluster's superuser URL (postgres-global-setup.ts). */
    postgresUrl: string;
  }
}

/** The migrated database each test's database is copied from (postgres.ts). */
export const TEMPLATE_DATABASE = 'pyb_template';

/** `url` with its database replaced. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export interface PostgresCluster {
  /** postgres://… of the cluster's `postgres` database, as its superuser. */
  url: string;
  stop(): void;
}

/** The folder of initdb and pg_ctl: $PYB_PG_BIN, or Debian's newest /usr/lib/postgresql/N/bin. */
export function postgresBinaries(): string {
  const fromEnv = process.env['PYB_PG_BIN'];
  if (fromEnv) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(root, versions[0], 'bin');
  throw new Error(
    'PostgreSQL is not installed (no /usr/lib/postgresql/N/bin/initdb); the storage tests run the real one.\n' +
      'Install it with:  sudo apt-get update && sudo apt-get install -y postgresql\n' +
      'or point PYB_PG_BIN at the folder holding initdb and pg_ctl. (.ci/run installs it automatically.)',
  );
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL binary, as the postgres user when we are root. */
function runAsOwner(binary: string, args: string[]): void {
  const [command, fullArgs] = isRoot()
    ? ['runuser', ['-u', 'postgres', '--', binary, ...args]]
    : [binary, args];
  const result = spawnSync(command, fullArgs, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${binary} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}

function ownByPostgres(path: string): void {
  if (!isRoot()) return;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(path, uid, gid);
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinaries();
  const dir = tempDir('pyb-pg-');
  ownByPostgres(dir.path);
  const data = join(dir.path, 'data');
  const socket = join(dir.path, 'socket');
  mkdirSync(socket);
  ownByPostgres(socket);
  // trust on loopback: a throwaway cluster that only this machine's tests reach.
  runAsOwner(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  const port = await freePort();
  // No durability needed for tests: fsync off makes CREATE DATABASE and commits fast.
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -k ${socket} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  const log = join(dir.path, 'postgres.log');
  writeFileSync(log, '');
  ownByPostgres(log);
  runAsOwner(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    log,
    '-o',
    options,
    '-w',
    '-t',
    '60',
    'start',
  ]);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        runAsOwner(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        dir.remove();
      }
    },
  };
}
