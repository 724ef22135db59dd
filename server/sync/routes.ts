// POST /api/sync (docs/api.md "Sync"). The checks run in the order docs/api.md ranks
// them ([P3] in shared/SPEC.md): 401, 415, 413 bytes, then the body
// (read-sync-request.ts: 413 changes, 426, 400, 409), 410, and 429 last.
import { Hono } from 'hono';
import { SYNC_BODY_LIMIT_BYTES } from '../../shared/protocol';
import type { AuthService } from '../auth/auth-service';
import { authedUser, requireUser, type AuthEnv, type RequireUserDeps } from '../auth/require-user';
import { jsonBodyLimit } from '../http/body-limit';
import { requireJsonContentType } from '../http/json-body';
import { rateLimit } from '../http/rate-limit';
import type { Storage } from '../storage/storage';
import { readSyncRequest, type CheckedSyncRequest } from './read-sync-request';
import { assertCursorUsable } from './sync-service';

/** docs/api.md: 120 sync requests a minute per user. */
const SYNC_REQUESTS_PER_MINUTE = 120;

export interface SyncObserver {
  onSync(pushed: number, applied: number, pulled: number): void;
}

export interface SyncRoutesDeps extends RequireUserDeps {
  storage: Storage;
}

type SyncEnv = { Variables: AuthEnv['Variables'] & { syncRequest: CheckedSyncRequest } };

export function syncRoutes(
  deps: SyncRoutesDeps,
  auth: AuthService,
  observer?: SyncObserver,
): Hono<SyncEnv> {
  const app = new Hono<SyncEnv>();
  const { sync } = deps.storage;

  app.post(
    '/',
    requireUser(deps, auth.sessions),
    async (c, next) => {
      requireJsonContentType(c);
      await next();
    },
    jsonBodyLimit(SYNC_BODY_LIMIT_BYTES),
    async (c, next) => {
      const request = await readSyncRequest(c, deps.clock.now());
      const [lineage, state] = await Promise.all([sync.lineage(), sync.state(c.var.user.userId)]);
      assertCursorUsable(lineage, state, request);
      c.set('syncRequest', request);
      await next();
    },
    // Last in docs/api.md's order: only well-formed requests count against the limit.
    rateLimit({
      limit: SYNC_REQUESTS_PER_MINUTE,
      windowMs: 60_000,
      key: (c) => `sync:${authedUser(c).userId}`,
      store: deps.storage.rateLimitStore('sync'),
    }),
    async (c) => {
      const request = c.var.syncRequest;
      const result = await sync.sync({ userId: c.var.user.userId, ...request });
      observer?.onSync(request.changes.length, result.applied, result.changes.length);
      // `remaining` is left out when undefined (JSON has no undefined).
      const { changes, cursor, more, remaining } = result;
      const serverTime = new Date(deps.clock.now()).toISOString();
      return c.json({ changes, cursor, more, remaining, serverTime });
    },
  );
  return app;
}
