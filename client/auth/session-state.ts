// The account state the UI shows, as a small external store for React's
// useSyncExternalStore: a snapshot that is a new object only when something changed.
//
//   starting          the stored account is being read (a moment after load)
//   signed-out        a guest device
//   signed-in         an account; `network` says whether the server can be reached now.
//                     Offline is normal: the app works on local data and renews the
//                     token when the network returns
//   sign-in-required  the server ended the session (expired, revoked, reused). The
//                     device's data and unsynced changes stay; signing in as the same
//                     user resumes syncing
import type { StoredAccount } from './account-meta';

export interface AccountUser extends StoredAccount {
  /** When the account was made; known once the server has answered in this tab. */
  createdAt?: string;
}

export type Network = 'online' | 'offline' | 'renewing' | 'unavailable';

/**
 * session-ended: the refresh token is unknown, expired or revoked (`invalid_refresh`);
 * session-reused: it was presented twice, so the server revoked the login as a precaution
 * (`refresh_reused`); account-disabled: an administrator disabled the account
 * (`account_disabled`); rejected: the server refused a fresh token (account deleted,
 * signed out everywhere) or renewed to a different account.
 */
export type SignInReason = 'session-ended' | 'session-reused' | 'account-disabled' | 'rejected';

export type AuthState =
  | { status: 'starting' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; user: AccountUser; network: Network }
  | { status: 'sign-in-required'; user: AccountUser; reason: SignInReason };

export interface StateStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): AuthState;
  set(next: AuthState): void;
}

export function createStateStore(initial: AuthState): StateStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    set(next) {
      if (sameState(state, next)) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
  };
}

function sameState(a: AuthState, b: AuthState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The user of a state that has one. */
export function userOf(state: AuthState): AccountUser | null {
  return state.status === 'signed-in' || state.status === 'sign-in-required' ? state.user : null;
}
