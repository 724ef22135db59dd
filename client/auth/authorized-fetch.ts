// fetch with the session's Bearer token, for every route that needs one (the account
// routes now, the sync loop next). A 401 `unauthenticated` answer means the token was
// refused (expired early, session revoked): renew once and retry once; a second
// refusal means the server no longer accepts this session, so the state moves to
// sign-in-required (which keeps all local data). Other 401s are answers about the
// request, not the token (`invalid_credentials` for a wrong current password), and
// are returned as they are.
//
// Throws NotSignedInError when there is no session to send, and OfflineError (or
// fetch's own TypeError) when there is no network: http.ts send() turns both into
// values. The request body must be re-readable (a string, as JSON bodies are), since a
// retry sends it again.
import { errorBodySchema } from '../../shared/errors';
import { NotSignedInError } from './http';
import type { AuthSession, TokenOutcome } from './session';

export class OfflineError extends Error {
  override name = 'OfflineError';
}

export type AuthorizedFetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

type SessionPart = Pick<
  AuthSession,
  'obtainToken' | 'renewAfterRejection' | 'requireSignIn' | 'markOffline'
>;

function tokenOf(outcome: TokenOutcome): string {
  if ('token' in outcome) return outcome.token;
  throw outcome.failure === 'offline'
    ? new OfflineError('The server cannot be reached.')
    : new NotSignedInError('Sign in to do this.');
}

/** Whether a 401 answer is about the token (and not, say, a wrong password). */
async function refusesToken(response: Response): Promise<boolean> {
  if (response.status !== 401) return false;
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  const parsed = errorBodySchema.safeParse(body);
  return !parsed.success || parsed.data.error.code === 'unauthenticated';
}

export function createAuthorizedFetch(
  session: SessionPart,
  fetchFn: (input: string | URL, init: RequestInit) => Promise<Response>,
): AuthorizedFetch {
  const sendWith = async (input: string | URL, init: RequestInit, token: string) => {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${token}`);
    try {
      return await fetchFn(input, { ...init, headers });
    } catch (error) {
      session.markOffline();
      throw error;
    }
  };

  return async function authorizedFetch(input, init = {}) {
    const token = tokenOf(await session.obtainToken());
    const first = await sendWith(input, init, token);
    if (!(await refusesToken(first))) return first;
    const renewed = tokenOf(await session.renewAfterRejection(token));
    const retry = await sendWith(input, init, renewed);
    if (await refusesToken(retry)) session.requireSignIn('rejected');
    return retry;
  };
}
