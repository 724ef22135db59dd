// `npm run bench` (server memory): the peak resident memory of the built server while
// a fresh device pulls a 10,000-item account (160,005 cells, pages of 5000) and, at the
// same moment, 10 users sign in at once. This is what a small machine must hold: each
// password hash (scrypt N=2^16, r=8) takes 64 MiB outside the V8 heap, and the pull
// pages grow the heap. Goal: peak RSS < 200 MB, every sign-in answered 200 (a queued
// sign-in waits, it does not fail).
// The peak is Linux's VmHWM from /proc/<pid>/status, reset (clear_refs 5) once the
// account is stored and the server has settled, so the figure is the scenario's own; the
// floor is the resident memory just before it. The server runs as `npm start` runs it
// (the bundle in one Node process, no extra flags or environment). Linux only.
import { startBuiltServer } from '../e2e/support/server';
import { accountCells, ITEMS, NODE } from './bench-account';
import { report, row, size } from './bench-table';
import { resetPeak, statusMiB } from './bench-proc';

const SIGN_INS = size(10, 3);
const GOAL_MB = 200;
const PAGE = 5000;

const ip = (i: number) => `198.51.100.${i + 1}`;

async function post(url: string, path: string, body: unknown, from: string, token?: string) {
  const started = performance.now();
  const res = await fetch(new URL(path, url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      // Each user its own address: the per-address sign-in limit stays out of the way.
      'x-forwarded-for': from,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  const json = (await res.json()) as Record<string, unknown>;
  return { json, ms: performance.now() - started };
}

const credentials = (i: number) => ({ email: `hiker${i}@example.com`, password: 'bench password' });

const server = await startBuiltServer({ env: { PYB_TRUST_PROXY: 'true' } });
try {
  const pid = server.child.pid ?? 0;
  const url = server.url;
  for (let i = 0; i < SIGN_INS; i++) await post(url, '/api/auth/register', credentials(i), ip(i));
  const owner = SIGN_INS;
  const { json: session } = await post(url, '/api/auth/register', credentials(owner), ip(owner));
  const token = String(session.accessToken);
  const cells = accountCells();
  for (let i = 0; i < cells.length; i += PAGE) {
    const changes = cells.slice(i, i + PAGE);
    const body = { protocol: 1, nodeId: NODE, since: '', limit: 1, changes };
    await post(url, '/api/sync', body, ip(owner), token);
  }
  await new Promise((resolve) => setTimeout(resolve, 1000)); // let the server settle
  const before = statusMiB(pid, 'VmRSS');
  resetPeak(pid);

  const firstSync = (async () => {
    let since = '';
    let pulled = 0;
    for (;;) {
      const body = { protocol: 1, nodeId: 'aaaaaaaaaaaaaaaa', since, limit: PAGE, changes: [] };
      const { json: page } = await post(url, '/api/sync', body, ip(owner), token);
      pulled += (page.changes as unknown[]).length;
      since = String(page.cursor);
      if (!page.more) return pulled;
    }
  })();
  const signIns = Array.from({ length: SIGN_INS }, (_, i) =>
    post(url, '/api/auth/login', credentials(i), ip(i)),
  );
  const [pulled, answers] = await Promise.all([firstSync, Promise.all(signIns)]);
  const peak = statusMiB(pid, 'VmHWM');
  if (pulled !== cells.length) throw new Error(`first sync pulled ${pulled} of ${cells.length}`);
  const slowest = Math.max(...answers.map((a) => a.ms));
  report([
    row({
      figure: `server peak RSS, ${SIGN_INS} sign-ins at once during a first sync of ${ITEMS.toLocaleString('en')} items`,
      value: peak,
      unit: 'MiB',
      floor: `${before.toFixed(0)} MiB resident just before`,
      ratio: null,
      goal: `< ${GOAL_MB} MB (${(GOAL_MB / 1.048576).toFixed(1)} MiB)`,
      met: peak * 1.048576 < GOAL_MB,
    }),
    row({
      figure: `slowest of the ${SIGN_INS} sign-ins at once`,
      value: slowest,
      unit: 'ms',
      floor: `all ${SIGN_INS} answered 200`,
      ratio: null,
      goal: '',
      met: null,
    }),
  ]);
} finally {
  await server.close();
}
