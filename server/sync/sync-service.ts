// One sync round trip for one user, after the request passed validation
// (routes.ts). In one IMMEDIATE transaction, so the push is all or nothing and
// the pull sees a consistent snapshot that includes it:
//   1. A cursor the server cannot continue from gets 410 with its cause
//      (cursor.ts): behind a purge, or from before a restore.
//   2. Each change is upserted if its hlc beats the stored one; each winner
//      takes the user's next sequence number. Losers and repeats change nothing.
//   3. The answer is the cells with seq > since, in seq order, one page at a
//      time; `more` says whether another page follows. The last page's cursor is
//      the user's last sequence number. A page with more to come says how many cells
//      follow it (`remaining`) when the device asks, so it can show how far a long pull
//      has got. Only when asked: the count walks every cell that follows, so a device
//      asks on the first page of a pull, and a push that reads from the start does not
//      pay for it on every request.
import type { SyncChange } from '../../shared/protocol';
import { ApiError } from '../http/api-error';
import { cursorProblem, type Cursor, type Lineage } from './cursor';
import type { SyncState } from './cells';

export interface SyncInput {
  userId: string;
  since: Cursor;
  /** `since` as the client sent it: echoed back when a pull from the start finds nothing. */
  sinceCursor: string;
  limit: number;
  changes: readonly SyncChange[];
  /** As the client sent it: undefined from apps that cannot re-send after a restore. */
  resend?: boolean | undefined;
  /** Whether to count the cells after a page with more to come (`remaining`). */
  countRemaining?: boolean;
}

export interface SyncOutput {
  changes: SyncChange[];
  cursor: string;
  more: boolean;
  /** Cells after this page, when `more` and asked for. */
  remaining?: number;
  /** How many pushed cells won (for metrics). */
  applied: number;
}

const RESYNC_MESSAGES = {
  purge: 'Pull again from the start ("since": "").',
  restore:
    'The server was restored from a backup: send every cell this device holds again ' +
    '("resend": true), then pull from the start ("since": "").',
} as const;

/**
 * Step 1: a cursor the server cannot continue from must restart from "" (410). After a
 * restore, a client that does not say it can re-send (it sends no `resend` field: an app
 * from before restores existed) would take 410 for a purge and drop what the backup
 * lacks; it gets 426 instead, which it answers by asking to be reloaded, losing nothing.
 */
export function assertCursorUsable(
  lineage: Lineage,
  state: SyncState,
  request: Pick<SyncInput, 'since' | 'sinceCursor' | 'resend'>,
): void {
  const { since, sinceCursor } = request;
  const cause = cursorProblem(sinceCursor, since, lineage, state);
  if (!cause) return;
  const restored = (since.epoch ?? lineage.legacyEpoch) !== lineage.epoch;
  if (cause === 'restore' && restored && request.resend === undefined) {
    throw new ApiError(
      'upgrade_required',
      'The server was restored from a backup; update the app to sync again.',
      { cause },
    );
  }
  throw new ApiError('resync_required', RESYNC_MESSAGES[cause], { cause });
}
