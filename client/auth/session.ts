// The signed-in session of this tab (docs/api.md "Auth"; [L4] in shared/SPEC.md).
//
// - The access token lives in memory only (access-token.ts).
// - getAccessToken() renews when less than a minute of life is left, one renewal at a
//   time within the tab and across tabs (refresh-lock.ts).
// - Who is signed in is read from `meta` (account-meta.ts), watched live so that
//   signing in or out in another tab shows here too.
// - A renewal answered 401 moves to sign-in-required and touches no local data; no
//   answer at all (offline) keeps the session: the app works on local data and renews
//   when the `online` event says the network is back.
import type { SessionResponse } from '../../shared/auth-api';
import type { PybDatabase } from '../db/db';
import { createTokenHolder } from './access-token';
import { readAccount, type StoredAccount } from './account-meta';
import type { ApiResult } from './http';
import { browserLocks, singleFlight, type Locks } from './refresh-lock';
import { judgeRenewal } from './renewal';
import { watchAccountAndNetwork } from './session-watch';
import {
  createStateStore,
  userOf,
  type AccountUser,
  type AuthState,
  type Network,
  type SignInReason,
} from './session-state';

export type TokenOutcome = { token: string } | { failure: 'offline' | 'signed-out' };
const OFFLINE: TokenOutcome = { failure: 'offline' };
const SIGNED_OUT: TokenOutcome = { failure: 'signed-out' };

export interface SessionDeps {
  db: PybDatabase;
  refresh: () => Promise<ApiResult<SessionResponse>>;
  now?: () => number;
  /** Default navigator.locks; null for none. */
  locks?: Locks | null;
  /** Where `online` and `offline` events come from; default window, null for none. */
  events?: EventTarget | null;
  isOnline?: () => boolean;
}

export type AuthSession = ReturnType<typeof createAuthSession>;

export function createAuthSession(deps: SessionDeps) {
  const now = deps.now ?? Date.now;
  const isOnline = deps.isOnline ?? (() => globalThis.navigator?.onLine ?? true);
  const events = deps.events === undefined ? (globalThis.window ?? null) : deps.events;
  const store = createStateStore({ status: 'starting' });
  const token = createTokenHolder(now);
  let started: Promise<void> | null = null;
  let generations = 0;
  let establishing = false;
  let stopWatching: () => void = () => undefined;

  const signedInUser = () => {
    const state = store.getSnapshot();
    return state.status === 'signed-in' ? state.user : null;
  };
  const setNetwork = (network: Network) => {
    const user = signedInUser();
    if (user) store.set({ status: 'signed-in', user, network });
  };

  function adopt(user: AccountUser, response: SessionResponse): string {
    const value = token.set(response);
    const { email, createdAt } = response.user;
    store.set({ status: 'signed-in', user: { ...user, email, createdAt }, network: 'online' });
    return value;
  }

  function requireSignIn(reason: SignInReason): void {
    const user = userOf(store.getSnapshot());
    token.clear();
    if (user) store.set({ status: 'sign-in-required', user, reason });
  }

  const renew = singleFlight(
    async (): Promise<TokenOutcome> => {
      const user = signedInUser();
      if (!user) return SIGNED_OUT;
      if (!isOnline()) {
        setNetwork('offline');
        return OFFLINE;
      }
      setNetwork('renewing');
      const result = await deps.refresh();
      // Signed out (here or in another tab) while the request was out: drop the answer.
      if (signedInUser()?.id !== user.id) return SIGNED_OUT;
      const verdict = judgeRenewal(result, user.id);
      switch (verdict.kind) {
        case 'renewed':
          return { token: adopt(user, verdict.session) };
        case 'sign-in':
          requireSignIn(verdict.reason);
          return SIGNED_OUT;
        case 'retry-later':
          setNetwork(verdict.network);
          return OFFLINE;
      }
    },
    deps.locks === undefined ? browserLocks() : deps.locks,
  );

  /** Follows the stored account: a new one (e.g. signed in in another tab) or none. */
  function applyStored(account: StoredAccount | null): void {
    if (establishing) return;
    const current = userOf(store.getSnapshot());
    if (account && current?.id === account.id) return;
    token.clear();
    if (!account) return store.set({ status: 'signed-out' });
    store.set({ status: 'signed-in', user: account, network: isOnline() ? 'renewing' : 'offline' });
    if (isOnline()) void renew();
  }

  const session = {
    subscribe: store.subscribe,
    getSnapshot: (): AuthState => store.getSnapshot(),
    /** Reads the stored account and starts following it; safe to call more than once. */
    start(): Promise<void> {
      if (started) return started;
      // A stop() before the read finishes cancels this start (React's StrictMode
      // mounts, unmounts and mounts again).
      const generation = ++generations;
      started = readAccount(deps.db)
        .catch(() => null)
        .then((account) => {
          if (generation !== generations) return;
          applyStored(account);
          stopWatching = watchAccountAndNetwork(deps.db, events, {
            onAccount: applyStored,
            onOnline: () => (token.fresh() ? setNetwork('online') : void renew()),
            onOffline: () => setNetwork('offline'),
          });
        });
      return started;
    },
    stop(): void {
      generations += 1;
      stopWatching();
      stopWatching = () => undefined;
      started = null;
    },
    /** A token with at least a minute to live, renewed if need be; why not, otherwise. */
    async obtainToken(): Promise<TokenOutcome> {
      await session.start();
      if (!signedInUser()) return SIGNED_OUT;
      const value = token.fresh();
      return value ? { token: value } : renew();
    },
    /** The Bearer token for a request, or null (signed out, sign-in required, offline). */
    async getAccessToken(): Promise<string | null> {
      const outcome = await session.obtainToken();
      return 'token' in outcome ? outcome.token : null;
    },
    /** After the server refused `stale`: a newer token if another call already renewed. */
    renewAfterRejection(stale: string): Promise<TokenOutcome> {
      const value = token.fresh();
      return value && value !== stale ? Promise.resolve({ token: value }) : renew();
    },
    /** Signs in with a new login's answer once `persist` (which stores the account) is done. */
    async establish(
      response: SessionResponse,
      persist: (account: StoredAccount) => Promise<void>,
    ): Promise<void> {
      const { id, email } = response.user;
      const account = { id, email, signedInAt: new Date(now()).toISOString() };
      establishing = true;
      try {
        await persist(account);
        adopt(account, response);
      } finally {
        establishing = false;
      }
    },
    /** A new session of the same user (password change): use its token. */
    adoptSession(response: SessionResponse): void {
      const user = userOf(store.getSnapshot());
      if (user?.id === response.user.id) adopt(user, response);
    },
    requireSignIn,
    /** The stored account is gone (signed out here): drop the token. */
    signedOut(): void {
      token.clear();
      store.set({ status: 'signed-out' });
    },
    markOffline: () => setNetwork('offline'),
  };
  return session;
}
