// This device's hybrid logical clock, kept in the `meta` table. The state is read
// and written inside the same IndexedDB transaction as the write it stamps, and
// IndexedDB runs overlapping read-write transactions one at a time, so every tab
// of this origin shares one monotonic clock, across restarts too. The node id is
// made once per install (64 random bits) and never reused after a wipe.
import { formatHlc, initialHlcState, parseHlc, tick, type HlcState } from '../../shared/hlc';

/**
 * The two meta rows the clock needs, read and written through whatever layer the
 * caller has. PromiseLike, not Promise: inside a Dexie middleware the chain must
 * stay on Dexie's own promises (see hlc-middleware.ts), so no async/await here.
 */
export interface MetaAccess {
  get(key: 'hlc' | 'nodeId'): PromiseLike<string | undefined>;
  put(key: 'hlc' | 'nodeId', value: string): PromiseLike<unknown>;
}

export function randomNodeId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function loadState(meta: MetaAccess): PromiseLike<HlcState> {
  return meta.get('hlc').then((stored) => {
    const parsed = stored === undefined ? null : parseHlc(stored);
    if (parsed) return parsed;
    return meta.get('nodeId').then((known) => {
      if (known !== undefined) return initialHlcState(known);
      const node = randomNodeId();
      return meta.put('nodeId', node).then(() => initialHlcState(node));
    });
  });
}

/**
 * Issues the next hlc of this device and persists the clock. The clock write is
 * issued but not awaited: requests of one IndexedDB transaction run in order, so
 * the next reader in this transaction sees it, and if it fails the transaction
 * aborts and takes the stamped write with it. Not waiting saves a round trip on
 * every check-off tap.
 */
export function issueHlc(meta: MetaAccess, nowMillis: number): PromiseLike<string> {
  return loadState(meta).then((state) => {
    const hlc = formatHlc(tick(state, nowMillis));
    meta.put('hlc', hlc).then(undefined, () => undefined);
    return hlc;
  });
}
