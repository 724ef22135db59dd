// Throwaway services for the self-hosting tests (Debian's Caddy here, its
// Prometheus in prometheus.ts): each on free loopback ports with its own
// temporary directory, started from the files in deploy/, and stopped (SIGTERM)
// by the test that started it. A missing binary fails the test with the command
// that installs it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PACKAGE_ROOT } from '../../server/paths';
import { tempDir } from '../../server/test-support/temp-dir';
import { freePort } from './server';

/** The binary at $ENV_VAR or its Debian path; otherwise an error that says how to install it. */
export function requireTool(name: string, envVar: string, debianPath: string): string {
  const path = process.env[envVar] ?? debianPath;
  if (existsSync(path)) return path;
  throw new Error(
    `${name} is not installed (looked at ${path}); the self-hosting tests run the real one.\n` +
      `Install it with:  sudo apt-get update && sudo apt-get install -y ${name}\n` +
      `or point ${envVar} at a ${name} binary. (.ci/run installs it automatically.)`,
  );
}

/** Polls `check` (at most `tries` times, 200 ms apart) until it returns a value. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  tries = 75,
): Promise<T> {
  let last: unknown;
  for (let i = 0; i < tries; i++) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await sleep(200);
  }
  throw new Error(`gave up waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

export interface Service {
  dir: string;
  output(): string;
  stop(): Promise<void>;
}

/** Spawns a service with a clean environment plus `env`; its output is kept for failures. */
export function runService(
  command: string,
  args: string[],
  env: Record<string, string>,
  prefix: string,
): Service & { child: ChildProcess } {
  const dir = tempDir(prefix);
  const child = spawn(command, args, {
    cwd: dir.path,
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir.path, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    dir: dir.path,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      dir.remove();
    },
  };
}

export interface Caddy extends Service {
  /** https://localhost:<port> */
  origin: string;
  port: number;
  /** PEM of Caddy's internal root CA, for the test's TLS client. */
  rootCa: string;
}

/** Caddy with deploy/Caddyfile, `tls internal`, in front of `upstream` (host:port). */
export async function startCaddy(httpsPort: number, upstream: string): Promise<Caddy> {
  const caddy = requireTool('caddy', 'CADDY_PATH', '/usr/bin/caddy');
  const httpPort = await freePort();
  const service = runService(
    caddy,
    ['run', '--config', join(PACKAGE_ROOT, 'deploy', 'Caddyfile'), '--adapter', 'caddyfile'],
    {
      PYB_DOMAIN: 'localhost',
      PYB_TLS: 'internal',
      PYB_UPSTREAM: upstream,
      CADDY_HTTP_PORT: String(httpPort),
      CADDY_HTTPS_PORT: String(httpsPort),
      CADDY_BIND: '127.0.0.1',
      CADDY_ADMIN: 'off',
    },
    'pyb-caddy-',
  );
  // Caddy keeps its CA and certificates below $XDG_DATA_HOME (here: HOME/.local/share).
  const data = join(service.dir, '.local', 'share');
  mkdirSync(data, { recursive: true });
  const rootFile = join(data, 'caddy', 'pki', 'authorities', 'local', 'root.crt');
  try {
    const rootCa = await waitFor('Caddy to create its internal CA', () =>
      Promise.resolve(existsSync(rootFile) ? readFileSync(rootFile, 'utf8') : undefined),
    );
    return { ...service, origin: `https://localhost:${httpsPort}`, port: httpsPort, rootCa };
  } catch (error) {
    await service.stop();
    throw new Error(`${String(error)}\nCaddy said:\n${service.output()}`);
  }
}
