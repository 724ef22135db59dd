// Measures what fly.toml's memory is sized from: the peak resident memory (Linux
// VmHWM) of the built server while 10 sign-ins run at once. Each password hash
// (scrypt N=2^16, r=8) takes 64 MiB; the server runs at most two at a time
// (server/auth/password.ts). Run: npm run build && tsx scripts/measure-signin-memory.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../server/paths';
import { spawnServer } from '../server/test-support/spawn-server';
import { tempDir } from '../server/test-support/temp-dir';

const USERS = 10;
const peakMiB = (pid: number) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

const dir = tempDir('pyb-measure-');
const server = await spawnServer({
  command: process.execPath,
  args: [join(PACKAGE_ROOT, 'dist', 'server', 'main.js')],
  dataDir: dir.path,
  cwd: PACKAGE_ROOT,
  // Each request gets its own client address, so the per-IP sign-in limit stays out of the way.
  env: { LOG_LEVEL: 'warn', PYB_TRUST_PROXY: 'true' },
});
const pid = server.child.pid ?? 0;
const post = (path: string, i: number, password = 'correct horse battery') =>
  fetch(new URL(path, server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i + 1}` },
    body: JSON.stringify({ email: `hiker${i}@example.com`, password }),
  });
try {
  const idle = peakMiB(pid);
  for (let i = 0; i < USERS; i++) await post('/api/auth/register', i);
  const afterSignUps = peakMiB(pid);
  const answers = await Promise.all(
    Array.from({ length: USERS }, (_, i) => post('/api/auth/login', i)),
  );
  if (!answers.every((r) => r.status === 200)) throw new Error('a sign-in failed');
  const peak = peakMiB(pid);
  console.log(`peak RSS idle: ${idle.toFixed(0)} MiB`);
  console.log(`peak RSS after ${USERS} sign-ups (one at a time): ${afterSignUps.toFixed(0)} MiB`);
  console.log(`peak RSS after ${USERS} concurrent sign-ins: ${peak.toFixed(0)} MiB`);
} finally {
  await server.stop();
  dir.remove();
}
