// Crash safety of the built server (issue #11): a stream of pushes from one registered
// user, and SIGKILL at a random moment, 50 times, each time starting the server again
// on the same data directory. Whatever was answered 200 must be there afterwards, cell
// by cell (value and hlc); a push that got no answer is all there or not at all (one
// SQLite transaction); and the database passes `PRAGMA integrity_check` at the end.
//
// The kill moments and batch sizes come from a seeded random (PYB_SEED, printed); the
// real timing still differs from run to run, which is the point of running it often.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { formatHlc, initialHlcState, tick, type HlcState } from '../shared/hlc';
import type { SyncChange } from '../shared/protocol';
import { PROPERTY_SEED } from '../shared/test-support/property';
import { cellKey } from '../server/test-support/sync-client';
import { accessToken, apiPost, pushBody, serverCells } from './support/api';
import { startBuiltServer, tempDir, type TestServer } from './support/server';

const KILLS = 50;
/** A kill lands this long (at most) after the first push of a server's life is answered. */
const MAX_KILL_DELAY_MS = 150;
/** Pushes per server life, at most: a bound in case the kill is slow to land. */
const MAX_PUSHES_PER_LIFE = 200;
const NODE = '00000000000000c5';

/** mulberry32: a small seeded generator, enough for schedules. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Push {
  changes: SyncChange[];
  acked: boolean;
}

/** Builds the pushes: new items, and now and then new values for cells sent before. */
function pushMaker(random: () => number) {
  let clock: HlcState = initialHlcState(NODE);
  const sentKeys: SyncChange[] = [];
  let rows = 0;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  // Mostly small batches, as a device sends; sometimes big ones, which take long enough
  // in the transaction for a kill to land inside it.
  const batchSize = () => [1, int(2, 20), int(20, 300), int(300, 2000)][int(0, 3)] ?? 1;
  const stamp = () => {
    clock = tick(clock, Date.now());
    return formatHlc(clock);
  };
  return (): SyncChange[] => {
    const changes: SyncChange[] = [];
    const size = batchSize();
    while (changes.length < size) {
      const old =
        sentKeys.length > 0 && random() < 0.2 ? sentKeys[int(0, sentKeys.length - 1)] : null;
      if (old) {
        changes.push({ ...old, value: `${String(old.value)}'`, hlc: stamp() });
        continue;
      }
      rows += 1;
      const id = `crash-${rows}`;
      const hlc = stamp();
      changes.push(
        { table: 'items', id, field: 'name', value: `Item ${rows}`, hlc },
        { table: 'items', id, field: 'weightGrams', value: int(0, 5000), hlc },
      );
      sentKeys.push({ table: 'items', id, field: 'name', value: `Item ${rows}`, hlc });
    }
    // A cell overwritten in the same batch: only its last write would count.
    const seen = new Set<string>();
    return changes.filter((c) => !seen.has(cellKey(c)) && seen.add(cellKey(c)));
  };
}

const dir = tempDir('pyb-crash-');
afterAll(() => dir.remove());

/**
 * Pushes until the server dies (or the bound); records each push and whether it got 200.
 * `afterFirstAck` arms the kill: every life acknowledges at least one push, however slow
 * the machine, and the kill then lands somewhere in the stream.
 */
async function pushUntilKilled(
  server: TestServer,
  token: string,
  next: () => SyncChange[],
  log: Push[],
  afterFirstAck: () => void,
): Promise<void> {
  for (let i = 0; i < MAX_PUSHES_PER_LIFE; i += 1) {
    const push: Push = { changes: next(), acked: false };
    log.push(push);
    let res: Response;
    try {
      res = await apiPost(server.url, '/api/sync', pushBody(NODE, push.changes), token);
    } catch {
      return; // the connection died with the server
    }
    // The answer is sent after the transaction commits: its status line is the ack.
    expect(res.status, 'a push is answered 200 or not at all').toBe(200);
    push.acked = true;
    if (i === 0) afterFirstAck();
    await res.arrayBuffer().catch(() => undefined);
  }
}

it(`keeps every acknowledged push through ${KILLS} SIGKILLs`, { timeout: 180_000 }, async () => {
  console.log(`crash-safety seed: ${PROPERTY_SEED} (replay with PYB_SEED=${PROPERTY_SEED})`);
  const random = seededRandom(PROPERTY_SEED);
  const next = pushMaker(random);
  const log: Push[] = [];
  const dataDir = dir.path;

  // One sign-up (10 a minute per IP); the token outlives restarts (keys are in dataDir).
  let server = await startBuiltServer({ dataDir });
  const token = await accessToken(server.url, 'up', 'crash@example.com', 'correct horse battery');
  for (let kill = 0; kill < KILLS; kill += 1) {
    const delay = Math.floor(random() * MAX_KILL_DELAY_MS);
    let killed: Promise<unknown> | undefined;
    const arm = () => {
      const target = server;
      killed = new Promise((resolve) => setTimeout(resolve, delay)).then(() =>
        target.stop('SIGKILL'),
      );
    };
    await pushUntilKilled(server, token, next, log, arm);
    expect(killed, 'the first push of each life is acknowledged').toBeDefined();
    await killed;
    server = await startBuiltServer({ dataDir });
  }

  const cells = await serverCells(server.url, token, NODE);
  expect((await server.stop('SIGTERM')).code).toBe(0);
  const acked = log.filter((p) => p.acked);
  const appliedUnanswered = expectDurable(log, cells);
  console.log(
    `crash-safety: ${log.length} pushes, ${acked.length} acknowledged ` +
      `(${acked.reduce((n, p) => n + p.changes.length, 0)} cells); of the ` +
      `${log.length - acked.length} without an answer ${appliedUnanswered} were applied; ` +
      `${Object.keys(cells).length} cells on the server`,
  );
  expect(acked.length).toBeGreaterThanOrEqual(KILLS);

  const db = new Database(join(dataDir, 'packyourbag.db'), { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
});

/**
 * Every server cell is one that was sent; every acknowledged write is there or beaten by
 * a later write of the same cell; a push without an answer is applied whole or not at all
 * (judged on the cells no later push wrote). Returns how many of those were applied.
 */
function expectDurable(
  log: Push[],
  cells: Record<string, { value: unknown; hlc: string }>,
): number {
  const sent = new Map<string, unknown>();
  const lastWriter = new Map<string, number>();
  log.forEach((push, i) => {
    for (const c of push.changes) {
      sent.set(`${cellKey(c)}@${c.hlc}`, c.value);
      lastWriter.set(cellKey(c), i);
    }
  });
  for (const [key, cell] of Object.entries(cells)) {
    expect(sent.has(`${key}@${cell.hlc}`), `${key} was sent with ${cell.hlc}`).toBe(true);
    expect(cell.value, key).toEqual(sent.get(`${key}@${cell.hlc}`));
  }
  let appliedUnanswered = 0;
  log.forEach((push, i) => {
    const landed = push.changes.map((c) => (cells[cellKey(c)]?.hlc ?? '') >= c.hlc);
    if (push.acked) {
      const lost = push.changes.filter((_, j) => !landed[j]).map(cellKey);
      expect(lost, `cells of acknowledged push ${i}`).toEqual([]);
      return;
    }
    const own = push.changes
      .map((c, j) => ({ last: lastWriter.get(cellKey(c)) === i, landed: landed[j] }))
      .filter((c) => c.last);
    const applied = own.filter((c) => c.landed).length;
    expect([0, own.length], `push ${i} without an answer: ${applied} of ${own.length}`).toContain(
      applied,
    );
    if (own.length > 0 && applied === own.length) appliedUnanswered += 1;
  });
  return appliedUnanswered;
}
