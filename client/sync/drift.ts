// What to do about 409 clock_drift: the server refuses a cell whose hlc is more than ten
// minutes ahead of its clock [C7], which happens when this device's clock runs ahead.
//
// Re-stamping the cell cannot help: the local clock never goes back [C5], so a fresh
// tick is at least as far ahead as the stamp it replaces. What does help is time: once
// the server's clock is within ten minutes of the stamp, the same cell is accepted. So
// the engine estimates the server's clock from the `serverTime` of every answer (and of
// the 409 itself), holds back only the cells that are too far ahead, syncs the rest
// at once, and tells the loop how long to wait for the held ones.
import { MAX_DRIFT_MS, parseHlc } from '../../shared/hlc';
import { parseIsoMillis } from '../../shared/time';

/** Held cells wait this much past the exact moment, for the request's own travel time. */
const MARGIN_MS = 1000;

export interface ServerClock {
  /** Learns the offset from a `serverTime` the server sent just now; ignores junk. */
  observe(serverTime: unknown): void;
  /** Whether the server would accept this hlc now, as far as we know. */
  accepts(hlc: string): boolean;
  /** How long until the server accepts all of `hlcs` (ms, at least MARGIN_MS). */
  waitFor(hlcs: readonly string[]): number;
}

export function createServerClock(now: () => number): ServerClock {
  let offset: number | null = null;
  const serverNow = () => now() + (offset ?? 0);
  const aheadBy = (hlc: string) => (parseHlc(hlc)?.millis ?? 0) - serverNow() - MAX_DRIFT_MS;
  return {
    observe(serverTime) {
      const millis = typeof serverTime === 'string' ? parseIsoMillis(serverTime) : null;
      if (millis !== null) offset = millis - now();
    },
    accepts: (hlc) => offset === null || aheadBy(hlc) <= -MARGIN_MS,
    waitFor: (hlcs) => Math.max(0, ...hlcs.map(aheadBy)) + MARGIN_MS,
  };
}
