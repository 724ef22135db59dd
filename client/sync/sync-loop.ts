// When to sync (docs/architecture.md "Local first"): on start, when the browser says it is
// back `online`, when the window gets focus (the user is back to look), about a second
// after local writes (debounced, so a burst of taps is one request), and periodically;
// after a failure, later, with backoff and jitter.
// Only while an account is signed in: a guest device sends nothing.
//
// One timer holds the next run. A run goes through `exclusive` (Web Locks across tabs),
// and a trigger during a run asks for one more run right after it. The outcome becomes
// the status the shell shows (sync-status.ts).
import { backoffDelay } from './backoff';
import type { Exclusive } from './exclusive';
import type { SyncOutcome } from './sync-engine';
import type { SyncStatusStore } from './sync-status';

export interface SyncLoopOptions {
  /** One full sync: the engine's syncOnce. */
  run: () => Promise<SyncOutcome>;
  status: SyncStatusStore;
  /** The account session (client/auth): only `signed-in` syncs. */
  auth: { subscribe(listener: () => void): () => void; getSnapshot(): { status: string } };
  exclusive: Exclusive;
  /** Calls back on each local write; returns the function that stops watching. */
  watchWrites?: (onWrite: () => void) => () => void;
  /** Where `online` and `focus` come from; default window. */
  events?: EventTarget | null;
  isOnline?: () => boolean;
  now?: () => number;
  random?: () => number;
  intervalMs?: number;
  debounceMs?: number;
}

export interface SyncLoop {
  start(): void;
  stop(): void;
  /** Sync after `delayMs` (default now), unless a run is due sooner or backoff holds. */
  syncSoon(delayMs?: number): void;
}

export function createSyncLoop(options: SyncLoopOptions): SyncLoop {
  const { status, auth, exclusive, now = Date.now } = options;
  const { intervalMs = 60_000, debounceMs = 1000 } = options;
  const isOnline = options.isOnline ?? (() => globalThis.navigator?.onLine ?? true);
  const events = options.events === undefined ? (globalThis.window ?? null) : options.events;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let dueAt = Infinity;
  let started = false;
  let running = false;
  let again = false;
  let failures = 0;
  /** No run before this (server asked to slow down); local writes wait too. */
  let holdUntil = 0;
  let stops: (() => void)[] = [];
  const signedIn = () => auth.getSnapshot().status === 'signed-in';

  function schedule(delayMs: number, replace = false): void {
    if (!started) return;
    const at = Math.max(now() + delayMs, holdUntil);
    if (timer !== null && !replace && dueAt <= at) return;
    if (timer !== null) clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(() => void tick(), at - now());
  }

  function cancel(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    dueAt = Infinity;
  }

  async function tick(): Promise<void> {
    cancel();
    if (!signedIn()) return status.set({ state: 'signed-out' });
    if (running) {
      again = true;
      return;
    }
    if (!isOnline()) {
      status.set({ state: 'offline' });
      return schedule(intervalMs);
    }
    running = true;
    // A background sync from "synced" shows no "Syncing…" until it pulls something.
    if (status.getSnapshot().state !== 'synced') {
      status.set({ state: 'syncing', pulled: 0, total: null });
    }
    const outcome = await exclusive(options.run).catch((error: unknown): SyncOutcome => ({
      kind: 'error',
      reason: String(error),
    }));
    running = false;
    settle(outcome);
    if (again && started) {
      again = false;
      schedule(0);
    }
  }

  function settle(outcome: SyncOutcome): void {
    if (!signedIn()) return status.set({ state: 'signed-out' });
    switch (outcome.kind) {
      case 'synced':
        failures = 0;
        holdUntil = 0;
        status.set({ state: 'synced', at: now() });
        return schedule(intervalMs);
      case 'offline':
        failures += 1;
        status.set({ state: 'offline' });
        return schedule(backoffDelay(failures, options.random));
      case 'signed-out':
        return status.set({ state: 'signed-out' });
      case 'retry': {
        failures += 1;
        const delay = outcome.retryAfterMs ?? backoffDelay(failures, options.random);
        if (outcome.cause === 'server') holdUntil = now() + delay;
        status.set({ state: 'error', reason: outcome.reason, retrying: true });
        return schedule(delay);
      }
      case 'error':
        // Sending the same again would fail the same way: wait for a write, `online`
        // or the next start instead of retrying on a timer.
        failures += 1;
        return status.set({
          state: 'error',
          reason: outcome.reason,
          retrying: false,
          ...(outcome.upgrade && { upgrade: true }),
        });
    }
  }

  const onOnline = () => schedule(0, true);
  let wasSignedIn = false;
  /** Signing in syncs at once; signing out stops and says so. Other auth changes: nothing. */
  const onAuth = () => {
    if (signedIn() === wasSignedIn) return;
    wasSignedIn = signedIn();
    if (wasSignedIn) return schedule(0);
    cancel();
    status.set({ state: 'signed-out' });
  };

  return {
    start() {
      if (started) return;
      started = true;
      events?.addEventListener('online', onOnline);
      events?.addEventListener('focus', onOnline);
      stops = [
        auth.subscribe(onAuth),
        options.watchWrites?.(() => schedule(debounceMs, true)) ?? (() => undefined),
      ];
      wasSignedIn = signedIn();
      schedule(0);
    },
    stop() {
      started = false;
      cancel();
      events?.removeEventListener('online', onOnline);
      events?.removeEventListener('focus', onOnline);
      for (const stopOne of stops.splice(0)) stopOne();
    },
    syncSoon: (delayMs = 0) => schedule(delayMs),
  };
}
