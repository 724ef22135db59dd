// Typed calls of every route of docs/api.md "Auth" and "/api/account". Answers are parsed
// with the shared zod schemas (shared/auth-api.ts), so a server that drifts from the
// contract shows up as `bad-response`, not as undefined fields later. Routes that need
// the Bearer token go through `authorized` (session.authorizedFetch), which adds it and
// renews it once on a 401; the others use plain fetch, and the refresh token travels
// only in the HttpOnly `pyb_rt` cookie, which scripts never see.
import type { z } from 'zod';
import {
  accountExportSchema,
  sessionResponseSchema,
  userSchema,
  type ChangePassword,
  type Credentials,
  type DeleteAccount,
  type SessionResponse,
  type User,
} from '../../shared/auth-api';
import { jsonInit, send, type ApiResult, type Transport } from './http';

export interface AuthApi {
  register(credentials: Credentials): Promise<ApiResult<SessionResponse>>;
  login(credentials: Credentials): Promise<ApiResult<SessionResponse>>;
  /** Uses the cookie; `{}` as JSON because the server refuses other bodies (CSRF). */
  refresh(): Promise<ApiResult<SessionResponse>>;
  logout(): Promise<ApiResult<null>>;
  logoutAll(): Promise<ApiResult<null>>;
  changePassword(body: ChangePassword): Promise<ApiResult<SessionResponse>>;
  account(): Promise<ApiResult<User>>;
  /** The export as the server sent it (JSON text), once it is known to be an export. */
  exportAccount(): Promise<ApiResult<string>>;
  deleteAccount(body: DeleteAccount): Promise<ApiResult<null>>;
}

const parsed =
  <S extends z.ZodType>(schema: S) =>
  async (response: Response): Promise<z.output<S> | undefined> => {
    const result = schema.safeParse(await response.json());
    return result.success ? result.data : undefined;
  };
const noContent = async (): Promise<null> => null;
const exportText = async (response: Response): Promise<string | undefined> => {
  const text = await response.text();
  return accountExportSchema.safeParse(JSON.parse(text)).success ? text : undefined;
};

export function createAuthApi(plain: Transport, authorized: Transport): AuthApi {
  const session = parsed(sessionResponseSchema);
  return {
    register: (credentials) =>
      send(plain, '/api/auth/register', jsonInit('POST', credentials), session),
    login: (credentials) => send(plain, '/api/auth/login', jsonInit('POST', credentials), session),
    refresh: () => send(plain, '/api/auth/refresh', jsonInit('POST', {}), session),
    logout: () => send(plain, '/api/auth/logout', jsonInit('POST', {}), noContent),
    logoutAll: () => send(authorized, '/api/auth/logout-all', jsonInit('POST'), noContent),
    changePassword: (body) =>
      send(authorized, '/api/auth/password', jsonInit('POST', body), session),
    account: () => send(authorized, '/api/account', jsonInit('GET'), parsed(userSchema)),
    exportAccount: () => send(authorized, '/api/account/export', jsonInit('GET'), exportText),
    deleteAccount: (body) => send(authorized, '/api/account', jsonInit('DELETE', body), noContent),
  };
}

/** window.fetch as a Transport (bound: some browsers refuse fetch called off `window`). */
export function fetchTransport(fetchFn: typeof fetch = fetch.bind(globalThis)): Transport {
  return (path, init) => fetchFn(path, init);
}
