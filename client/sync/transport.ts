// How the sync engine reaches the server: one function from a request body to the HTTP
// answer. The engine knows nothing of tokens or URLs, so tests hand it the real server
// in process (test-support/device.ts) and a fault-injecting test can wrap that.
//
// The contract, which client/auth's authorizedFetch already keeps:
// - a 401 comes back only after the token was renewed once and refused again;
// - no session at all throws NotSignedInError;
// - no answer (offline, DNS, server down) throws anything else.
import type { SyncRequest } from '../../shared/protocol';
import type { AuthorizedFetch } from '../auth/authorized-fetch';
import { jsonInit } from '../auth/http';

export { NotSignedInError } from '../auth/http';

export type SyncTransport = (request: SyncRequest) => Promise<Response>;

export const SYNC_PATH = '/api/sync';

/** The app's transport: POST /api/sync with the session's Bearer token. */
export function authorizedTransport(authorizedFetch: AuthorizedFetch): SyncTransport {
  return (request) => authorizedFetch(SYNC_PATH, jsonInit('POST', request));
}
