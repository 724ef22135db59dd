// One request to the auth and account API, with its outcome as a value: the parsed
// answer, or why there is none. "The network failed" (fetch threw: offline, server
// down, DNS) is kept apart from "the server said no" (a 4xx/5xx with docs/api.md's
// error body), because the app reacts differently: offline keeps the session and
// retries later, a 401 ends it. Nothing here throws for a failed request.
import { errorBodySchema, type ErrorCode } from '../../shared/errors';

/** fetch, or authorizedFetch (which adds the Bearer token): same shape. */
export type Transport = (path: string, init: RequestInit) => Promise<Response>;

export type ApiFailure =
  /** No answer: the device is offline or the server unreachable. */
  | { kind: 'offline' }
  /** A Bearer route with no session to authorize it (signed out, or sign-in required). */
  | { kind: 'signed-out' }
  /** An error answer; `code` is null when its body was not docs/api.md's error body. */
  | {
      kind: 'http';
      status: number;
      code: ErrorCode | null;
      message: string;
      retryAfter: number | null;
    }
  /** A success status whose body was not what docs/api.md promises. */
  | { kind: 'bad-response'; status: number };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

/** Thrown by authorizedFetch when there is no session to send; send() turns it into a value. */
export class NotSignedInError extends Error {
  override name = 'NotSignedInError';
}

/** Sends one request and reads a success with `read` (which returns undefined for a bad body). */
export async function send<T>(
  transport: Transport,
  path: string,
  init: RequestInit,
  read: (response: Response) => Promise<T | undefined>,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await transport(path, init);
  } catch (error) {
    return fail(error instanceof NotSignedInError ? { kind: 'signed-out' } : { kind: 'offline' });
  }
  if (!response.ok) return fail(await readFailure(response));
  const value = await read(response).catch(() => undefined);
  return value === undefined ? fail({ kind: 'bad-response', status: response.status }) : ok(value);
}

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
export const fail = <T>(failure: ApiFailure): ApiResult<T> => ({ ok: false, failure });

/** The failure an error answer describes (reads the body: pass a clone to keep it). */
export async function readFailure(response: Response): Promise<ApiFailure> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = errorBodySchema.safeParse(body);
  return {
    kind: 'http',
    status: response.status,
    code: parsed.success ? parsed.data.error.code : null,
    message: parsed.success ? parsed.data.error.message : response.statusText,
    retryAfter: retryAfterSeconds(response.headers.get('Retry-After'), Date.now()),
  };
}

/** `Retry-After` as whole seconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterSeconds(header: string | null, nowMs: number): number | null {
  if (header === null || header.trim() === '') return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/** Options of a JSON request: same-origin cookies, never cached (tokens are in the answers). */
export function jsonInit(method: string, body?: unknown): RequestInit {
  const init: RequestInit = { method, credentials: 'same-origin', cache: 'no-store' };
  if (body === undefined) return init;
  return { ...init, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}
