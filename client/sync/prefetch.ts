// The next pull page, asked for before the engine has merged the current one (first sync
// of a big account: the server and the network then work while IndexedDB does). At most
// one is held. It is used only for the very request the engine would send next (same
// cursor, nothing to push, same account); anything else drops it, and a dropped answer
// is never merged. It cost one request of the rate limit, nothing more: a pull changes
// nothing on the server.
import type { SyncRequest } from '../../shared/protocol';
import type { SyncTransport } from './transport';

export interface PrefetchedPull {
  /** Sends `request` (a pull with nothing to push) now, for the account read with it. */
  ask(request: SyncRequest, account: string | undefined): void;
  /** The answer asked for, if `request` is that same pull; otherwise drops it: null. */
  take(request: SyncRequest, account: string | undefined): Promise<Response> | null;
}

export function prefetchedPull(transport: SyncTransport): PrefetchedPull {
  let held: {
    request: SyncRequest;
    account: string | undefined;
    answer: Promise<Response>;
  } | null = null;
  return {
    ask(request, account) {
      const answer = transport(request);
      // Dropped unanswered (offline): nobody waits for it, and that is no error.
      answer.catch(() => undefined);
      held = { request, account, answer };
    },
    take(request, account) {
      const mine = held;
      held = null;
      if (!mine || request.changes.length > 0 || account !== mine.account) return null;
      const { since, limit, nodeId, resend } = mine.request;
      const same =
        request.since === since &&
        request.limit === limit &&
        request.nodeId === nodeId &&
        request.resend === resend;
      return same ? mine.answer : null;
    },
  };
}
