// `npm run bench` (shutdown): how long the built server takes to exit on SIGTERM with an
// idle keep-alive connection open, as a browser leaves one. The server's own deadline is
// 5 s (server/main.ts); a graceful stop should take a small part of it. This timing lives
// here and not in `npm test`, where a loaded machine would make it flake.
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../server/paths';
import { spawnServer } from '../server/test-support/spawn-server';
import { tempDir } from '../server/test-support/temp-dir';
import { report, row, size } from './bench-table';

const RUNS = size(5, 1);
const TARGET_MS = 1000;

function keepAliveGet(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: new Agent({ keepAlive: true }) }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end();
  });
}

const times: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  const dir = tempDir();
  const server = await spawnServer({
    command: process.execPath,
    args: [join(PACKAGE_ROOT, 'dist', 'server', 'main.js')],
    dataDir: dir.path,
    cwd: PACKAGE_ROOT,
    env: { LOG_LEVEL: 'warn' },
  });
  await keepAliveGet(new URL('/api/health', server.url).href);
  const { code, ms } = await server.stop('SIGTERM');
  dir.remove();
  if (code !== 0) throw new Error(`the server exited with code ${code}`);
  times.push(ms);
}
const median = [...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? NaN;
report([
  row({
    figure: `shutdown on SIGTERM, idle keep-alive (median of ${RUNS})`,
    value: median,
    unit: 'ms',
    floor: 'the deadline is 5000 ms',
    ratio: null,
    goal: `≤ ${TARGET_MS} ms`,
    met: median <= TARGET_MS,
  }),
]);
