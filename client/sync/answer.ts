// Reads the server's answer to one sync request into what the engine does next. The
// answer is a trust boundary (docs/style.md habit 2): a 200 body is parsed as the shared
// response schema says (parseSyncResponse) and every pulled cell checked with validateCell [P1] before anything
// is merged. One bad cell refuses the whole answer; merging part of a page and storing
// its cursor would skip the rest for good.
import { errorBodySchema } from '../../shared/errors';
import { parseSyncResponse, validateCell, type SyncResponse } from '../../shared/protocol';
import { retryAfterSeconds } from '../auth/http';

export type Answer =
  | { kind: 'ok'; body: SyncResponse }
  /** The session was refused even after one renewal (the transport renews). */
  | { kind: 'signed-out' }
  /** 409: a pushed hlc is too far ahead of the server's clock (drift.ts). */
  | { kind: 'clock-drift'; serverTime: unknown }
  /**
   * 410: the cursor cannot be continued (resync.ts): behind the deleted-data horizon, or
   * from before a server restore, when `resend` says to send every cell again ([P6]).
   */
  | { kind: 'resync'; resend: boolean }
  /** 429 or 5xx: the same request may succeed later. */
  | { kind: 'retry'; reason: string; retryAfterMs: number | null }
  /** Anything else: this request will not succeed by sending it again (426: `upgrade`). */
  | { kind: 'error'; reason: string; upgrade?: true };

/**
 * `onPage` hears the cursor and `more` of a 200 answer as soon as they are read, before
 * its cells are checked (the engine asks for the next page then); the answer may still
 * be refused after it.
 */
export async function readAnswer(
  response: Response,
  nowMillis: number,
  onPage?: (page: { cursor: string; more: boolean }) => void,
): Promise<Answer> {
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 200) {
    const page = body as Partial<SyncResponse> | undefined;
    if (typeof page?.cursor === 'string' && typeof page.more === 'boolean') {
      onPage?.({ cursor: page.cursor, more: page.more });
    }
    return readBody(body);
  }
  const parsed = errorBodySchema.safeParse(body);
  const error = parsed.success ? parsed.data.error : null;
  const details = error?.details ?? {};
  const message = error?.message ?? `The server answered ${response.status}.`;
  if (response.status === 401) return { kind: 'signed-out' };
  if (error?.code === 'clock_drift') return { kind: 'clock-drift', serverTime: details.serverTime };
  if (error?.code === 'resync_required') {
    return { kind: 'resync', resend: details.cause === 'restore' };
  }
  if (response.status === 429 || response.status >= 500) {
    const seconds = retryAfterSeconds(response.headers.get('Retry-After'), nowMillis);
    return {
      kind: 'retry',
      reason: message,
      retryAfterMs: seconds === null ? null : seconds * 1000,
    };
  }
  if (error?.code === 'upgrade_required') {
    return {
      kind: 'error',
      reason: 'This version of the app is too old to sync: reload it.',
      upgrade: true,
    };
  }
  const detail = typeof details.reason === 'string' ? details.reason : '';
  const reason = message.includes(detail) ? message : `${message} (${detail})`;
  return { kind: 'error', reason };
}

function readBody(body: unknown): Answer {
  const parsed = parseSyncResponse(body);
  if (!parsed.success) return { kind: 'error', reason: 'The server sent an unreadable answer.' };
  for (const change of parsed.data.changes) {
    const checked = validateCell(change);
    if (!checked.ok) {
      return { kind: 'error', reason: `The server sent an invalid change: ${checked.reason}` };
    }
  }
  return { kind: 'ok', body: parsed.data };
}
