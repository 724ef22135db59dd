// The sync wire format (docs/api.md "Sync"): one POST pushes the device's changes and pulls every
// cell newer than its cursor. A change is one cell: (table, id, field) ← value, with its hlc.
//
// The schemas here check the shape of a request or response. Whether each change is a valid
// cell (known table and field, value in range, id, hlc, node, drift) is checked change by
// change with validateChange, so an error can name the change at fault (`details.index`).
//
// Order of the checks the server makes (docs/api.md), and who makes them [P3]:
//   401 auth, 415 not JSON, 413 body bytes  - the server, before this module;
//   413 more than 5000 changes, 426 protocol ≠ 1  - syncEnvelopeError, before the schema,
//       because syncRequestSchema would report both as 400;
//   400 shape, limit, since  - syncRequestSchema (the server also decodes its own cursor);
//   400 any bad change, then 409 clock drift  - validateChanges, over the whole batch [P2];
//   410 resync, 429 rate limit  - the server.
import { z } from 'zod';
import { NODE_ID_PATTERN } from './hlc';
import { parseIsoMillis } from './time';

export const PROTOCOL_VERSION = 1;
export const MAX_CHANGES_PER_REQUEST = 5000;
export const DEFAULT_PULL_LIMIT = 1000;
export const MAX_PULL_LIMIT = 5000;
export const SYNC_BODY_LIMIT_BYTES = 4 * 1024 * 1024;
export const AUTH_BODY_LIMIT_BYTES = 16 * 1024;
/** The cursor is opaque to clients; this bound only keeps a forged one small. */
export const MAX_CURSOR_LENGTH = 200;

/** A wire time: strict ISO 8601 UTC with milliseconds, e.g. `2026-11-26T01:05:54.123Z`. */
export const isoTimeSchema = z
  .string()
  .refine((s) => parseIsoMillis(s) !== null, 'not an ISO 8601 UTC time with milliseconds');

export const cursorSchema = z.string().max(MAX_CURSOR_LENGTH);

export const syncChangeSchema = z.object({
  table: z.string(),
  id: z.string(),
  field: z.string(),
  /** Required (JSON has no undefined); its type depends on the field: see validateChange. */
  value: z.unknown(),
  hlc: z.string(),
});
export type SyncChange = z.infer<typeof syncChangeSchema>;

export const syncRequestSchema = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  nodeId: z.string().regex(NODE_ID_PATTERN, 'nodeId must be 16 lowercase hex chars'),
  /** `""` = from the beginning. */
  since: cursorSchema,
  /** Default DEFAULT_PULL_LIMIT. */
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).optional(),
  changes: z.array(syncChangeSchema).max(MAX_CHANGES_PER_REQUEST),
  /**
   * The device is sending again every cell it holds, after a 410 whose cause is
   * `restore` ([P6]): the changes keep the hlcs they were written with, so they may
   * end with other devices' node ids.
   */
  resend: z.boolean().optional(),
  /**
   * Asks for `remaining` in an answer with `more` (docs/api.md): counting costs the server a
   * walk over every cell that follows, so a device asks once per pull, on its first page,
   * and counts down from there.
   */
  countRemaining: z.boolean().optional(),
});
export type SyncRequest = z.infer<typeof syncRequestSchema>;

/**
 * syncRequestSchema.safeParse, with a hand-written check first that accepts only requests the
 * schema accepts (a property test holds the two together). A push of 1000 changes spends
 * most of zod's time walking the changes array; the hand check does the same work without
 * allocating, and anything it does not accept goes to zod, which explains the problem.
 * On success, `data` holds what the schema's data would (changes keep any extra keys,
 * which nothing reads).
 */
export function parseSyncRequest(body: unknown): ReturnType<typeof syncRequestSchema.safeParse> {
  if (!isPlainSyncRequest(body)) return syncRequestSchema.safeParse(body);
  const { protocol, nodeId, since, limit, changes, resend, countRemaining } = body;
  const data: SyncRequest = { protocol, nodeId, since, changes };
  if (limit !== undefined) data.limit = limit;
  if (resend !== undefined) data.resend = resend;
  if (countRemaining !== undefined) data.countRemaining = countRemaining;
  return { success: true, data };
}

function isPlainSyncRequest(body: unknown): body is SyncRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { protocol, nodeId, since, limit, changes, resend, countRemaining } = body as Record<
    string,
    unknown
  >;
  return (
    protocol === PROTOCOL_VERSION &&
    typeof nodeId === 'string' &&
    NODE_ID_PATTERN.test(nodeId) &&
    typeof since === 'string' &&
    since.length <= MAX_CURSOR_LENGTH &&
    (limit === undefined ||
      (Number.isSafeInteger(limit) &&
        (limit as number) >= 1 &&
        (limit as number) <= MAX_PULL_LIMIT)) &&
    (resend === undefined || typeof resend === 'boolean') &&
    (countRemaining === undefined || typeof countRemaining === 'boolean') &&
    Array.isArray(changes) &&
    changes.length <= MAX_CHANGES_PER_REQUEST &&
    changes.every(isPlainChange)
  );
}

function isPlainChange(change: unknown): boolean {
  if (typeof change !== 'object' || change === null || Array.isArray(change)) return false;
  const { table, id, field, hlc } = change as Record<string, unknown>;
  return (
    typeof table === 'string' &&
    typeof id === 'string' &&
    typeof field === 'string' &&
    typeof hlc === 'string' &&
    Object.hasOwn(change, 'value')
  );
}

/**
 * The answer's cells come from other nodes too, so the client checks each with validateCell
 * (no node or drift check) before merging it.
 */
export const syncResponseSchema = z.object({
  changes: z.array(syncChangeSchema),
  cursor: cursorSchema,
  more: z.boolean(),
  /** With `more`, when asked (`countRemaining`): how many cells follow this page (docs/api.md). */
  remaining: z.number().int().min(0).optional(),
  serverTime: isoTimeSchema,
});
export type SyncResponse = z.infer<typeof syncResponseSchema>;

/**
 * syncResponseSchema.safeParse with a hand-written check first, as parseSyncRequest: a first
 * sync reads pages of 5000 cells, and zod's walk of one cost the page about 3 ms (a third of
 * what checking every cell costs). A property test holds the two together.
 */
export function parseSyncResponse(body: unknown): ReturnType<typeof syncResponseSchema.safeParse> {
  if (!isPlainSyncResponse(body)) return syncResponseSchema.safeParse(body);
  const { changes, cursor, more, remaining, serverTime } = body;
  const data: SyncResponse = { changes, cursor, more, serverTime };
  if (remaining !== undefined) data.remaining = remaining;
  return { success: true, data };
}

function isPlainSyncResponse(body: unknown): body is SyncResponse {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { changes, cursor, more, remaining, serverTime } = body as Record<string, unknown>;
  return (
    typeof cursor === 'string' &&
    cursor.length <= MAX_CURSOR_LENGTH &&
    typeof more === 'boolean' &&
    (remaining === undefined || (Number.isSafeInteger(remaining) && (remaining as number) >= 0)) &&
    typeof serverTime === 'string' &&
    parseIsoMillis(serverTime) !== null &&
    Array.isArray(changes) &&
    changes.every(isPlainChange)
  );
}

export interface EnvelopeError {
  code: 'payload_too_large' | 'upgrade_required';
  reason: string;
}

/**
 * [P3] The two errors docs/api.md ranks above a bad shape: too many changes (413) and a protocol
 * other than 1 (426). A missing `protocol` is a bad shape (400), not another version.
 */
export function syncEnvelopeError(body: unknown): EnvelopeError | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { changes, protocol } = body as Record<string, unknown>;
  if (Array.isArray(changes) && changes.length > MAX_CHANGES_PER_REQUEST) {
    return { code: 'payload_too_large', reason: `more than ${MAX_CHANGES_PER_REQUEST} changes` };
  }
  if (protocol !== undefined && protocol !== PROTOCOL_VERSION) {
    return { code: 'upgrade_required', reason: `protocol ${PROTOCOL_VERSION} expected` };
  }
  return null;
}

/** The first schema issue as `details` for a 400: its path, and the change index if any. */
export function issueDetails(error: z.ZodError): { reason: string; index?: number } {
  const issue = error.issues[0];
  if (!issue) return { reason: 'invalid request' };
  const where = issue.path.map(String).join('.') || 'body';
  const reason = `${where}: ${issue.message}`;
  const [first, index] = issue.path;
  return first === 'changes' && typeof index === 'number' ? { reason, index } : { reason };
}

export { validateCell, validateChange, validateChanges } from './validate-change';
export type { ChangeResult, BatchResult } from './validate-change';
