// Puts the auth pieces together for one database: the session (who is signed in, the
// token), authorizedFetch (for the account routes and the sync loop) and the typed API.
// The app makes one per database (authClientFor); tests make their own with a fake
// fetch, no cross-tab lock and no window events.
import type { PybDatabase } from '../db/db';
import { createAuthApi, type AuthApi } from './auth-api';
import { createAuthorizedFetch, type AuthorizedFetch } from './authorized-fetch';
import type { Transport } from './http';
import type { Locks } from './refresh-lock';
import { createAuthSession, type AuthSession } from './session';

export interface AuthClient {
  db: PybDatabase;
  session: AuthSession;
  api: AuthApi;
  authorizedFetch: AuthorizedFetch;
}

export interface AuthClientOptions {
  db: PybDatabase;
  fetch?: (input: string | URL, init: RequestInit) => Promise<Response>;
  now?: () => number;
  locks?: Locks | null;
  events?: EventTarget | null;
  isOnline?: () => boolean;
}

export function createAuthClient(options: AuthClientOptions): AuthClient {
  const { db, fetch: fetchFn = (input, init) => fetch(input, init), ...rest } = options;
  const plain: Transport = (path, init) => fetchFn(path, init);
  // The API's Bearer routes and the session's renewal refer to each other: late-bound.
  const authorized: Transport = (path, init) => authorizedFetch(path, init);
  const api = createAuthApi(plain, authorized);
  const session = createAuthSession({ db, refresh: () => api.refresh(), ...rest });
  const authorizedFetch = createAuthorizedFetch(session, fetchFn);
  return { db, session, api, authorizedFetch };
}

const clients = new WeakMap<PybDatabase, AuthClient>();

/** The app's one auth client for `db`, made on first use (start it with session.start()). */
export function authClientFor(db: PybDatabase): AuthClient {
  let client = clients.get(db);
  if (!client) {
    client = createAuthClient({ db });
    clients.set(db, client);
  }
  return client;
}
