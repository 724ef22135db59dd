// Accounts (client/auth) and sync (client/sync), loaded after the first render: the
// overview and the trip page only read IndexedDB, and these two bring the session, the
// sync engine and the zod schemas of the API with them. Until they arrive the header
// says "Account" (the session's own 'starting' state) and the sync line is empty (a
// guest's). The service worker precaches their chunks, so a cold start offline loads
// them too.
import type { AuthClient } from './auth/auth-client';
import type { PybDatabase } from './db/db';
import type { AppSync } from './sync/app-sync';

export interface AccountServices {
  auth: AuthClient;
  sync: AppSync;
}

/** The app's one auth client for `db` (or the given one) and its sync. */
export async function loadAccountServices(
  db: PybDatabase,
  auth?: AuthClient,
): Promise<AccountServices> {
  const [{ authClientFor }, { appSyncFor }] = await Promise.all([
    import('./auth/auth-client'),
    import('./sync/app-sync'),
  ]);
  const client = auth ?? authClientFor(db);
  return { auth: client, sync: appSyncFor(client) };
}
