// POST /api/sync (API.md "Sync"). The checks run in the order API.md ranks
// them ([P3] in shared/SPEC.md): 401, 415, 413 bytes, 413 changes, 426, 400
// shape, 400 since, 400 a bad change / 409 drift ([P2]), then 410 in the
// transaction; the per-user 429 sits right after authentication.
import { Hono } from 'hono';
import {
  DEFAULT_PULL_LIMIT,
  issueDetails,
  SYNC_BODY_LIMIT_BYTES,
  syncEnvelopeError,
  syncRequestSchema,
  validateChanges,
} from '../../shared/protocol';
import type { AppDeps } from '../app';
import type { AuthService } from '../auth/auth-service';
import { authedUser, requireUser, type AuthEnv } from '../auth/require-user';
import { ApiError } from '../http/api-error';
import { jsonBodyLimit } from '../http/body-limit';
import { requireJsonContentType } from '../http/json-body';
import { rateLimit } from '../http/rate-limit';
import { createCellStore } from './cell-store';
import { decodeCursor } from './cursor';
import { runSync } from './sync-service';

/** API.md: 120 sync requests a minute per user. */
const SYNC_REQUESTS_PER_MINUTE = 120;

export interface SyncObserver {
  onSync(pushed: number, applied: number, pulled: number): void;
}

export function syncRoutes(
  deps: AppDeps,
  auth: AuthService,
  observer?: SyncObserver,
): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const cells = createCellStore(deps.db);

  app.post(
    '/',
    requireUser(deps, auth.sessions),
    rateLimit({
      limit: SYNC_REQUESTS_PER_MINUTE,
      windowMs: 60_000,
      key: (c) => `sync:${authedUser(c).userId}`,
    }),
    async (c, next) => {
      requireJsonContentType(c);
      await next();
    },
    jsonBodyLimit(SYNC_BODY_LIMIT_BYTES),
    async (c) => {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        throw new ApiError('invalid_request', 'The body is not valid JSON.');
      }
      const envelope = syncEnvelopeError(body);
      if (envelope) throw new ApiError(envelope.code, `Send ${envelope.reason}.`);
      const parsed = syncRequestSchema.safeParse(body);
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
      const now = deps.clock.now();
      const verdict = validateChanges(request.changes, request.nodeId, now);
      if (!verdict.ok) {
        const details = { index: verdict.index, reason: verdict.reason };
        if (verdict.code === 'clock_drift') {
          const serverTime = new Date(now).toISOString();
          throw new ApiError('clock_drift', verdict.reason, { ...details, serverTime });
        }
        throw new ApiError(
          'invalid_request',
          `changes[${verdict.index}]: ${verdict.reason}`,
          details,
        );
      }
      const result = runSync(deps.db, cells, {
        userId: c.var.user.userId,
        since,
        sinceCursor: request.since,
        limit: request.limit ?? DEFAULT_PULL_LIMIT,
        changes: request.changes,
      });
      observer?.onSync(request.changes.length, result.applied, result.changes.length);
      return c.json({
        changes: result.changes,
        cursor: result.cursor,
        more: result.more,
        serverTime: new Date(deps.clock.now()).toISOString(),
      });
    },
  );
  return app;
}
