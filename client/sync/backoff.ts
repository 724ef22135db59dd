// How long to wait before trying again after a failed sync: exponential (2 s, 4 s, 8 s,
// … up to 5 min) with "equal jitter" (a random half of each step), so tabs and devices
// that failed together do not all come back at the same moment (AWS Architecture Blog,
// "Exponential Backoff And Jitter", 2015).
export const BACKOFF_BASE_MS = 2000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/** The delay after `failures` failures in a row (1 for the first). */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const step = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}
