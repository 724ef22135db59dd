// One sync cycle (docs/architecture.md "Local first", docs/api.md "Sync"): push the outbox and pull
// everything newer than the cursor, in rounds of one request each, until the outbox has
// nothing more to send and the server has nothing more to give (`more: false`).
//
// A round: read a batch of outbox cells (outbox-batch.ts), POST it with the stored cursor,
// check the answer (answer.ts), then take it in with one transaction (commit-answer.ts).
// The outcome is a value; the loop (sync-loop.ts) decides when to try again. Every
// failure leaves the outbox as it was: nothing is deleted until the server has it.
//
// The engine is not re-entrant: run one syncOnce at a time per database (the loop holds
// a Web Lock). Two engines on one database stay correct (merges are idempotent and the
// cursor is compare-and-set), they only waste requests.
import {
  DEFAULT_PULL_LIMIT,
  PROTOCOL_VERSION,
  type SyncRequest,
  type SyncResponse,
} from '../../shared/protocol';
import type { PybDatabase } from '../db/db';
import { readAnswer } from './answer';
import { AccountChangedError, commitAnswer } from './commit-answer';
import { createServerClock } from './drift';
import { ensureNodeId } from '../db/node-id';
import { readBatch } from './outbox-batch';
import { prefetchedPull } from './prefetch';
import { beginResync, finishResync, pendingResync, type Resync } from './resync';
import { NotSignedInError, type SyncTransport } from './transport';

export type SyncOutcome =
  | { kind: 'synced'; pushed: number; pulled: number }
  /** No answer: offline, or the server cannot be reached. */
  | { kind: 'offline' }
  /** No session, or the server refused it after a renewal. */
  | { kind: 'signed-out' }
  /**
   * Worth trying again after `retryAfterMs` (null: back off as usual): the server is busy
   * or failing, or some cells wait for the server's clock (clock-ahead, drift.ts).
   */
  | { kind: 'retry'; cause: 'server' | 'clock-ahead'; reason: string; retryAfterMs: number | null }
  /**
   * Trying again will not help until something changes; `upgrade`: the server answered
   * 426, only a newer version of the app will do (the shell looks for one).
   */
  | { kind: 'error'; reason: string; upgrade?: true };

export interface SyncProgress {
  pushed: number;
  pulled: number;
  /** Cells this sync will have pulled in all, as far as the server said (`remaining`). */
  total: number | null;
}

export interface SyncEngineOptions {
  db: PybDatabase;
  transport: SyncTransport;
  /** The device's clock: the same one the database stamps with (openDatabase's `now`). */
  now?: () => number;
  onProgress?: (progress: SyncProgress) => void;
  /** Cells per pull page; default docs/api.md's 1000. */
  pullLimit?: number;
  /** Cells per push; default outbox-batch.ts's BATCH_CELLS (the server's most). */
  batchCells?: number;
}

export interface SyncEngine {
  syncOnce(): Promise<SyncOutcome>;
}

/** Guards against a server that keeps answering 409 or 410 to the same request. */
const MAX_REPEATS = 3;

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, transport, now = Date.now, onProgress } = options;
  const limit = options.pullLimit ?? DEFAULT_PULL_LIMIT;
  const serverClock = createServerClock(now);
  /** The full pull this engine is running after a 410 (resync.ts); null when none. */
  let resync: Resync | null = null;

  async function syncOnce(): Promise<SyncOutcome> {
    const nodeId = await ensureNodeId(db);
    const mark = await pendingResync(db);
    if (mark === undefined) resync = null;
    else if (mark !== resync?.mark) await restartResync(); // a reload's or another tab's
    const progress: SyncProgress = { pushed: 0, pulled: 0, total: null };
    const prefetched = prefetchedPull(transport);
    const heldBack: string[] = [];
    let afterSeq = 0;
    let rounds = 0;
    let repeats = 0;
    let more = false;
    for (;;) {
      const batch = await readBatch(db, afterSeq, serverClock.accepts, options.batchCells);
      if (rounds > 0 && batch.changes.length === 0 && !more) {
        // Nothing left to send (or only held-back cells) and nothing left to pull.
        if (batch.consumed === 0) break;
        heldBack.push(...batch.heldBack);
        afterSeq = batch.lastSeq;
        continue;
      }
      const since = (await db.meta.get('cursor'))?.value ?? '';
      const account = (await db.meta.get('account'))?.value;
      const { changes } = batch;
      // `resend` is always sent: it tells the server this app can re-send after a restore
      // ([P6]); it is true when the batch holds cells other devices wrote.
      const resend = changes.some((change) => !change.hlc.endsWith(nodeId));
      const request: SyncRequest = {
        protocol: PROTOCOL_VERSION,
        nodeId,
        since,
        limit,
        changes,
        resend,
        // Once per pull: after the first page the engine counts down itself.
        countRemaining: progress.total === null,
      };
      let response: Response;
      try {
        response = await (prefetched.take(request, account) ?? transport(request));
      } catch (error) {
        return error instanceof NotSignedInError ? { kind: 'signed-out' } : { kind: 'offline' };
      }
      // A pull-only round with more to come asks for the next page as soon as the answer
      // names its cursor: the server and the network work while this page is checked and
      // merged (a first sync). prefetch.ts uses it only for the very request sent next.
      const answer = await readAnswer(response, now(), ({ cursor, more }) => {
        if (more && changes.length === 0 && cursor !== since) {
          prefetched.ask({ ...request, since: cursor, countRemaining: false }, account);
        }
      });
      if (answer.kind === 'clock-drift' || answer.kind === 'resync') {
        if (++repeats > MAX_REPEATS) return gaveUp(answer.kind, batch.changes);
        if (answer.kind === 'clock-drift') serverClock.observe(answer.serverTime);
        else await restartResync(answer.resend);
        if (answer.kind === 'resync') {
          afterSeq = 0;
          progress.total = null; // a new pull from the start: ask for its count again
        }
        continue; // the same round again: fewer cells, or from the start
      }
      if (answer.kind === 'signed-out' || answer.kind === 'error') return answer;
      if (answer.kind === 'retry') return { ...answer, kind: 'retry', cause: 'server' };

      const { body } = answer;
      serverClock.observe(body.serverTime);
      const ackSeqs = batch.ackSeqs;
      let moved: boolean;
      try {
        const seen = resync?.seen ?? null;
        moved = await commitAnswer(db, {
          since,
          answer: body,
          ackSeqs,
          nowMillis: now(),
          seen,
          account,
        });
      } catch (error) {
        if (error instanceof AccountChangedError) return { kind: 'signed-out' };
        throw error;
      }
      if (body.more && body.cursor === since) {
        return { kind: 'error', reason: 'The server said there is more but gave nothing new.' };
      }
      progress.pushed += batch.changes.length;
      progress.pulled += body.changes.length;
      progress.total = pullTotal(progress, body);
      onProgress?.({ ...progress });
      heldBack.push(...batch.heldBack);
      afterSeq = batch.lastSeq;
      // Another engine moved the cursor meanwhile: pull once more from where it is now.
      more = body.more || !moved;
      rounds += 1;
      repeats = 0;
    }
    if (resync) await finishResync(db, resync);
    resync = null;
    if (heldBack.length > 0) {
      const reason =
        "This device's clock is ahead; some changes wait until the server's catches up.";
      const retryAfterMs = serverClock.waitFor(heldBack);
      return { kind: 'retry', cause: 'clock-ahead', reason, retryAfterMs };
    }
    return { kind: 'synced', pushed: progress.pushed, pulled: progress.pulled };
  }

  async function restartResync(resend = false): Promise<void> {
    resync = await beginResync(db, { resend });
  }

  function gaveUp(
    kind: 'clock-drift' | 'resync',
    changes: readonly { hlc: string }[],
  ): SyncOutcome {
    if (kind === 'resync') return { kind: 'error', reason: 'The server keeps asking to resync.' };
    const reason = "This device's clock is ahead of the server's.";
    const retryAfterMs = serverClock.waitFor(changes.map((c) => c.hlc));
    return { kind: 'retry', cause: 'clock-ahead', reason, retryAfterMs };
  }

  return { syncOnce };
}

/**
 * The cells this pull will have brought in all, once the server has said how many follow a
 * page (`remaining`, asked for on the first page only); null when the pull is done or the
 * server did not say. Cells other devices push meanwhile can outgrow the count: the total
 * never falls below what has been pulled.
 */
function pullTotal(progress: SyncProgress, body: SyncResponse): number | null {
  if (!body.more) return null;
  if (body.remaining !== undefined) return progress.pulled + body.remaining;
  return progress.total === null ? null : Math.max(progress.total, progress.pulled);
}
