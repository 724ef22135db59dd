// The app's sync for one database, put together: the status the shell shows, the engine
// (pushing through the account session's authorizedFetch, which adds and renews the
// token) and the loop that decides when to run it. One per database, like the auth
// client it follows (keyed by it); App starts and stops the loop with its own lifetime.
import { MAX_PULL_LIMIT } from '../../shared/protocol';
import type { AuthClient } from '../auth/auth-client';
import { browserLocks } from '../auth/refresh-lock';
import type { PybDatabase } from '../db/db';
import { exclusiveRunner } from './exclusive';
import { createSyncEngine } from './sync-engine';
import { createSyncLoop, type SyncLoop } from './sync-loop';
import { createSyncStatusStore, type SyncStatusStore } from './sync-status';
import { authorizedTransport } from './transport';
import { watchOutbox } from './watch-outbox';

export interface AppSync {
  status: SyncStatusStore;
  loop: SyncLoop;
}

export function createAppSync(db: PybDatabase, auth: AuthClient): AppSync {
  const status = createSyncStatusStore();
  const engine = createSyncEngine({
    db,
    transport: authorizedTransport(auth.authorizedFetch),
    // docs/api.md's largest page: a first sync of a big account stays well inside the
    // 120 requests a minute the server allows one user.
    pullLimit: MAX_PULL_LIMIT,
    onProgress({ pulled, total }) {
      if (pulled > 0) status.set({ state: 'syncing', pulled, total });
    },
  });
  const loop = createSyncLoop({
    run: () => engine.syncOnce(),
    status,
    auth: auth.session,
    exclusive: exclusiveRunner(browserLocks()),
    watchWrites: watchOutbox(db),
    // Another device's changes show up within this (an idle poll is one small request;
    // docs/api.md allows a user 120 a minute).
    intervalMs: 15_000,
  });
  return { status, loop };
}

const syncs = new WeakMap<AuthClient, AppSync>();

/** The app's one sync for the auth client's database, made on first use. */
export function appSyncFor(auth: AuthClient): AppSync {
  let sync = syncs.get(auth);
  if (!sync) {
    sync = createAppSync(auth.db, auth);
    syncs.set(auth, sync);
  }
  return sync;
}
