// Starts the real production build (node dist/server/main.js) on a free
// loopback port with a temporary data directory, as `npm start` would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../server/paths';
import { spawnServer, type RunningServer } from '../../server/test-support/spawn-server';

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Stops the server (SIGTERM) and removes its data; returns the exit code. */
  close(): Promise<number | null>;
}

/** `env` adds to (or overrides) the test defaults, e.g. PYB_TRUST_PROXY or PYB_PUBLIC_URL. */
export async function startBuiltServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pyb-e2e-'));
  const server = await spawnServer({
    command: process.execPath,
    args: [join(PACKAGE_ROOT, 'dist', 'server', 'main.js')],
    dataDir,
    cwd: PACKAGE_ROOT,
    env: { LOG_LEVEL: 'warn', ...env },
  });
  return {
    ...server,
    dataDir,
    async close() {
      const { code } = await server.stop('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

export { tempDir } from '../../server/test-support/temp-dir';
