// Hands the auth client to components through React context (tests render pages with
// their own, on a fake server), and the account state as a live value.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AuthClient } from './auth-client';
import type { AuthState } from './session-state';

export const AuthContext = createContext<AuthClient | null>(null);

export function useAuthClient(): AuthClient {
  const client = useContext(AuthContext);
  if (!client) throw new Error('useAuthClient() needs an <AuthContext value={client}> above it');
  return client;
}

/**
 * The account state; re-renders on every change (sign-in, renewal, going offline). The
 * app never renders on a server, so a static render (tests) shows the current state too.
 */
export function useAuthState(): AuthState {
  const { session } = useAuthClient();
  return useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
}
