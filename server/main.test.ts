// The server as a process: what `npm start` runs, checked from outside.
import { readdirSync, statSync, existsSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from './backup/scheduled-backups';
import { takeExclusiveLock } from './backup/server-lock';
import { DATABASE_FILE } from './db/open';
import { PACKAGE_ROOT } from './paths';
import { runToExit, spawnServer, type RunningServer } from './test-support/spawn-server';
import { tempDir } from './test-support/fixture';

// `node --import tsx` keeps the server a single process: the tsx CLI would fork a
// child that a SIGKILL of the parent leaves running.
const NODE = process.execPath;
const MAIN_ARGS = ['--import', 'tsx', join(PACKAGE_ROOT, 'server', 'main.ts')];

describe('server process', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const f of cleanups.splice(0).reverse()) await f();
  });
  const start = async (
    dataDir: string,
    env: Record<string, string> = {},
  ): Promise<RunningServer> => {
    const server = await spawnServer({
      command: NODE,
      args: MAIN_ARGS,
      dataDir,
      env,
      cwd: PACKAGE_ROOT,
    });
    cleanups.push(() => server.stop('SIGKILL'));
    return server;
  };

  it('creates the data directory, database and an owner-only key on first start, and reuses them', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const dataDir = join(dir.path, 'fresh', 'data');
    const first = await start(dataDir);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const health = await fetch(new URL('/api/health', first.url));
    expect(health.status).toBe(200);
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(true);
    expect(statSync(join(dataDir, DATABASE_FILE)).mode & 0o777).toBe(0o600);
    const keys = readdirSync(join(dataDir, 'keys'));
    expect(keys).toHaveLength(1);
    expect(statSync(join(dataDir, 'keys', keys[0] ?? '')).mode & 0o777).toBe(0o600);
    expect(await first.stop()).toMatchObject({ code: 0 });

    const second = await start(dataDir);
    expect((await fetch(new URL('/api/health', second.url))).status).toBe(200);
    expect(readdirSync(join(dataDir, 'keys'))).toEqual(keys);
    expect(second.output()).not.toContain('migrations applied');
  });

  it('exits cleanly on SIGTERM and SIGINT, even with an idle keep-alive connection', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const server = await start(dir.path);
      // A keep-alive socket left open by a browser must not hold the process.
      await new Promise<void>((resolve, reject) => {
        const req = request(
          new URL('/api/health', server.url),
          { agent: new Agent({ keepAlive: true }) },
          (res) => {
            res.resume();
            res.on('end', resolve);
          },
        );
        req.on('error', reject);
        req.end();
      });
      // How long the stop takes is the bench's business (scripts/bench-shutdown.ts): a
      // wall-clock bound flakes on a loaded machine. That an idle socket does not wait for
      // the deadline is checked by events in shutdown.test.ts.
      const { code } = await server.stop(signal);
      expect(code).toBe(0);
      expect(server.output()).toContain('"msg":"stopped"');
      // The WAL was checkpointed into the main file on the way out.
      expect(
        existsSync(join(dir.path, `${DATABASE_FILE}-wal`))
          ? statSync(join(dir.path, `${DATABASE_FILE}-wal`)).size
          : 0,
      ).toBe(0);
    }
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ HOST: 'bad host' }, /HOST must be an IP address/],
    [{ PYB_PUBLIC_URL: 'nope' }, /PYB_PUBLIC_URL must be an absolute/],
  ])('exits with a clear message on bad configuration %j', async (env, message) => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const { code, output } = await runToExit(NODE, MAIN_ARGS, { PYB_DATA_DIR: dir.path, ...env });
    expect(code).toBe(1);
    expect(output).toMatch(message);
    expect(output).not.toMatch(/at .*\.ts:\d+/); // no stack trace for a user error
  });

  it('with PYB_MIGRATE=off refuses a database with pending migrations, naming the command', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const { code, output } = await runToExit(NODE, MAIN_ARGS, {
      PYB_DATA_DIR: dir.path,
      PYB_MIGRATE: 'off',
    });
    expect(code).toBe(1);
    expect(output).toMatch(/needs migrations 0001-init.*npm run migrate/);
    expect(output).not.toMatch(/at .*\.ts:\d+/);
  });

  it('warns at start about a misspelt PYB_ variable without echoing its value', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const server = await start(dir.path, {
      PYB_SIGNUP: 'false',
      PYB_METRIC_TOKEN: 'hush-hush-secret-value',
    });
    await server.stop();
    expect(server.output()).toMatch(/PYB_SIGNUP is not a PackYourBag setting.*PYB_ALLOW_SIGNUP/);
    expect(server.output()).toMatch(/PYB_METRIC_TOKEN .*did you mean PYB_METRICS_TOKEN/);
    expect(server.output()).not.toContain('hush-hush-secret-value');
  });

  it('exits with a clear message when the port is taken', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const running = await start(join(dir.path, 'a'));
    const port = new URL(running.url).port;
    const { code, output } = await runToExit(NODE, MAIN_ARGS, {
      PYB_DATA_DIR: join(dir.path, 'b'),
      PORT: port,
      HOST: '127.0.0.1',
    });
    expect(code).toBe(1);
    expect(output).toMatch(/cannot listen on 127\.0\.0\.1:\d+/);
  });
  it('does not start while a restore holds the data directory', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const restore = takeExclusiveLock(dir.path);
    if (!restore) throw new Error('expected the lock');
    try {
      const { code, output } = await runToExit(NODE, MAIN_ARGS, {
        PYB_DATA_DIR: dir.path,
        PORT: '0',
        HOST: '127.0.0.1',
      });
      expect(code).toBe(1);
      expect(output).toMatch(/A restore is running on .*; start the server once it is done/);
    } finally {
      restore.release();
    }
    // While it runs, the server holds the directory: a restore cannot take it.
    await start(dir.path);
    expect(takeExclusiveLock(dir.path)).toBeNull();
  });

  it('writes scheduled backups to PYB_BACKUP_DIR', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const backups = join(dir.path, 'backups');
    await start(join(dir.path, 'data'), { PYB_BACKUP_DIR: backups, PYB_BACKUP_KEEP: '2' });
    // None exists yet, so the first is due at once.
    await expect.poll(() => listBackups(backups).length, { timeout: 15_000 }).toBe(1);
  });
});
