// Reads and checks a sync request body in docs/api.md's order ([P3] in
// shared/SPEC.md): 413 more than 5000 changes, 426 protocol, 400 shape, 400
// since, then a bad change (400) before any clock drift (409, [P2]). The 415
// and 413-bytes checks run before, as middleware; 410 and 429 after.
import type { Context } from 'hono';
import {
  DEFAULT_PULL_LIMIT,
  SYNC_BODY_LIMIT_BYTES,
  issueDetails,
  syncEnvelopeError,
  parseSyncRequest,
  validateChanges,
  type SyncChange,
} from '../../shared/protocol';
import { ApiError } from '../http/api-error';
import { readBodyText } from '../http/read-body-text';
import { decodeCursor, type Cursor } from './cursor';

export interface CheckedSyncRequest {
  resend: boolean | undefined;
  since: Cursor;
  sinceCursor: string;
  limit: number;
  changes: SyncChange[];
  countRemaining: boolean;
}

export async function readSyncRequest(c: Context, nowMillis: number): Promise<CheckedSyncRequest> {
  const text = await readBodyText(c, SYNC_BODY_LIMIT_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError('invalid_request', 'The body is not valid JSON.');
  }
  const envelope = syncEnvelopeError(body);
  if (envelope) throw new ApiError(envelope.code, `Send ${envelope.reason}.`);
  const parsed = parseSyncRequest(body);
  if (!parsed.success) {
    const details = issueDetails(parsed.error);
    throw new ApiError('invalid_request', details.reason, details);
  }
  const request = parsed.data;
  const since = decodeCursor(request.since);
  if (since === null) {
    throw new ApiError('invalid_request', 'since is not a cursor this server gave out.', {
      reason: 'malformed since',
    });
  }
  // A re-send after a restore carries cells other devices wrote, with their own hlcs.
  const anyNode = request.resend === true;
  const verdict = validateChanges(request.changes, request.nodeId, nowMillis, { anyNode });
  if (!verdict.ok) {
    const details = { index: verdict.index, reason: verdict.reason };
    if (verdict.code === 'clock_drift') {
      const serverTime = new Date(nowMillis).toISOString();
      throw new ApiError('clock_drift', verdict.reason, { ...details, serverTime });
    }
    throw new ApiError('invalid_request', `changes[${verdict.index}]: ${verdict.reason}`, details);
  }
  return {
    resend: request.resend,
    since,
    sinceCursor: request.since,
    limit: request.limit ?? DEFAULT_PULL_LIMIT,
    changes: request.changes,
    // Apps from before the field never send it. Their pull from the start with nothing to
    // push (a first sync) is counted, on its first page only, which is where they take the
    // total from; a push, or a page after the first, is not.
    countRemaining:
      request.countRemaining ?? (request.since === '' && request.changes.length === 0),
  };
}
