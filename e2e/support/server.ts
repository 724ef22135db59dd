// Starts the real production build (node dist/server/main.js) on a loopback port with a
// temporary data directory, as `npm start` would; and runs the admin command
// (dist/server/admin.js) against that data directory. A server can be started again on
// the same data directory and port (a restore, a crash): a page keeps its origin, and
// the server its token issuer (PYB_PUBLIC_URL defaults to http://localhost:$PORT, so a
// server started with PORT=0 and again on its real port would refuse its own tokens).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../server/paths';
import { freePort } from '../../server/test-support/free-port';
import { runToExit, spawnServer, type RunningServer } from '../../server/test-support/spawn-server';

export interface TestServer extends RunningServer {
  dataDir: string;
  port: number;
  /** Stops the server (SIGTERM) and removes its data; returns the exit code. */
  close(): Promise<number | null>;
}

export interface BuiltServerOptions {
  /** An existing data directory (default: a new temporary one). */
  dataDir?: string;
  /** Default 0: the server picks a free port. */
  port?: number;
  /** Adds to (or overrides) the test defaults, e.g. PYB_TRUST_PROXY or PYB_PUBLIC_URL. */
  env?: Record<string, string>;
}

export { freePort };

/** Fails with what to do when the production build is missing (the benches' first step). */
export function requireBuild(): void {
  for (const file of ['dist/server/main.js', 'dist/client/index.html'])
    if (!existsSync(join(PACKAGE_ROOT, file)))
      throw new Error(`${file} is missing: run "npm run build" first.`);
}

export async function startBuiltServer(options: BuiltServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pyb-e2e-'));
  const server = await spawnServer({
    command: process.execPath,
    args: [join(PACKAGE_ROOT, 'dist', 'server', 'main.js')],
    dataDir,
    cwd: PACKAGE_ROOT,
    env: { LOG_LEVEL: 'warn', PORT: String(options.port ?? 0), ...options.env },
  });
  return {
    ...server,
    dataDir,
    port: Number(new URL(server.url).port),
    async close() {
      const { code } = await server.stop('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

/** `node dist/server/admin.js <args>` on this data directory: exit code and output. */
export function runAdmin(
  dataDir: string,
  ...args: string[]
): Promise<{ code: number | null; output: string }> {
  return runToExit(process.execPath, [join(PACKAGE_ROOT, 'dist', 'server', 'admin.js'), ...args], {
    PYB_DATA_DIR: dataDir,
  });
}

export { tempDir } from '../../server/test-support/temp-dir';
