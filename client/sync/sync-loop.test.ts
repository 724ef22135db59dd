import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exclusiveRunner, SYNC_LOCK_NAME } from './exclusive';
import type { SyncOutcome } from './sync-engine';
import { createSyncLoop, type SyncLoopOptions } from './sync-loop';
import { createSyncStatusStore } from './sync-status';

const SYNCED: SyncOutcome = { kind: 'synced', pushed: 0, pulled: 0 };

function fakeAuth(status = 'signed-in') {
  let state = { status };
  const listeners = new Set<() => void>();
  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    set(next: string) {
      state = { status: next };
      for (const l of listeners) l();
    },
  };
}

function setup(outcomes: SyncOutcome[] = [], overrides: Partial<SyncLoopOptions> = {}) {
  const auth = fakeAuth();
  const status = createSyncStatusStore();
  const events = new EventTarget();
  let write: () => void = () => undefined;
  const run = vi.fn(async () => outcomes.shift() ?? SYNCED);
  const loop = createSyncLoop({
    run,
    status,
    auth,
    exclusive: exclusiveRunner(null),
    events,
    isOnline: () => true,
    random: () => 0.5,
    watchWrites: (onWrite) => {
      write = onWrite;
      return () => undefined;
    },
    ...overrides,
  });
  return { auth, status, events, run, loop, write: () => write() };
}

let stopLoop: (() => void) | null = null;
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  stopLoop?.();
  vi.useRealTimers();
});
const started = (s: ReturnType<typeof setup>) => {
  s.loop.start();
  stopLoop = () => s.loop.stop();
  return s;
};

describe('sync loop', () => {
  it('syncs on start when signed in, and every minute after', async () => {
    const s = started(setup());
    await vi.advanceTimersByTimeAsync(0);
    expect(s.run).toHaveBeenCalledTimes(1);
    expect(s.status.getSnapshot().state).toBe('synced');
    await vi.advanceTimersByTimeAsync(59_000);
    expect(s.run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.run).toHaveBeenCalledTimes(2);
  });

  it('sends nothing for a guest, and starts when the account signs in', async () => {
    const s = setup();
    s.auth.set('signed-out');
    started(s);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(s.run).not.toHaveBeenCalled();
    expect(s.status.getSnapshot()).toEqual({ state: 'signed-out' });
    s.auth.set('signed-in');
    await vi.advanceTimersByTimeAsync(0);
    expect(s.run).toHaveBeenCalledTimes(1);
    s.auth.set('sign-in-required');
    expect(s.status.getSnapshot()).toEqual({ state: 'signed-out' });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(s.run).toHaveBeenCalledTimes(1);
  });

  it('syncs once about a second after a burst of local writes', async () => {
    const s = started(setup());
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 5; i += 1) {
      s.write();
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(s.run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.run).toHaveBeenCalledTimes(2);
  });

  it('backs off with jitter while offline and tries at once on `online`', async () => {
    const offline: SyncOutcome = { kind: 'offline' };
    const s = started(setup([offline, offline, offline]));
    await vi.advanceTimersByTimeAsync(0);
    expect(s.status.getSnapshot()).toEqual({ state: 'offline' });
    await vi.advanceTimersByTimeAsync(1499); // 2 s step, half plus a random half (0.5)
    expect(s.run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2999); // then a 4 s step
    expect(s.run).toHaveBeenCalledTimes(2);
    s.events.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(s.run).toHaveBeenCalledTimes(3);
  });

  it('syncs at once when the window gets focus', async () => {
    const synced: SyncOutcome = { kind: 'synced', pushed: 0, pulled: 0 };
    const s = started(setup([synced, synced]));
    await vi.advanceTimersByTimeAsync(0);
    expect(s.run).toHaveBeenCalledTimes(1);
    s.events.dispatchEvent(new Event('focus'));
    await vi.advanceTimersByTimeAsync(0);
    expect(s.run).toHaveBeenCalledTimes(2);
  });

  it('waits as long as the server asks, and local writes do not jump the queue', async () => {
    const busy: SyncOutcome = {
      kind: 'retry',
      cause: 'server',
      reason: 'busy',
      retryAfterMs: 30_000,
    };
    const s = started(setup([busy]));
    await vi.advanceTimersByTimeAsync(0);
    expect(s.status.getSnapshot()).toEqual({ state: 'error', reason: 'busy', retrying: true });
    s.write();
    await vi.advanceTimersByTimeAsync(29_000);
    expect(s.run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.run).toHaveBeenCalledTimes(2);
  });

  it('passes a 426 (app too old) on as an error that asks for an upgrade', async () => {
    const old: SyncOutcome = { kind: 'error', reason: 'too old', upgrade: true };
    const s = started(setup([old]));
    await vi.advanceTimersByTimeAsync(0);
    expect(s.status.getSnapshot()).toEqual({
      state: 'error',
      reason: 'too old',
      retrying: false,
      upgrade: true,
    });
  });

  it('does not retry a refused request by itself, but does after the next write', async () => {
    const refused: SyncOutcome = { kind: 'error', reason: 'bad change' };
    const s = started(setup([refused]));
    await vi.advanceTimersByTimeAsync(0);
    expect(s.status.getSnapshot()).toMatchObject({ state: 'error', retrying: false });
    await vi.advanceTimersByTimeAsync(600_000);
    expect(s.run).toHaveBeenCalledTimes(1);
    s.write();
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.run).toHaveBeenCalledTimes(2);
  });

  it('runs once more right after a run during which something asked for one', async () => {
    let release: () => void = () => undefined;
    const s = setup();
    s.run.mockImplementationOnce(
      () => new Promise<SyncOutcome>((resolve) => (release = () => resolve(SYNCED))),
    );
    started(s);
    await vi.advanceTimersByTimeAsync(0);
    s.loop.syncSoon();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.run).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.run).toHaveBeenCalledTimes(2);
  });

  it('reports offline without trying when the browser says so', async () => {
    const s = started(setup([], { isOnline: () => false }));
    await vi.advanceTimersByTimeAsync(0);
    expect(s.run).not.toHaveBeenCalled();
    expect(s.status.getSnapshot()).toEqual({ state: 'offline' });
  });
});

describe('exclusive runs', () => {
  it('holds the pyb-sync Web Lock when there is one', async () => {
    const names: string[] = [];
    const run = exclusiveRunner({
      request: (name, task) => {
        names.push(name);
        return task();
      },
    });
    expect(await run(async () => 7)).toBe(7);
    expect(names).toEqual([SYNC_LOCK_NAME]);
  });

  it('runs one task at a time in this tab without Web Locks, even after a failure', async () => {
    vi.useRealTimers();
    const run = exclusiveRunner(null);
    const order: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        order.push(`${name} start`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(`${name} end`);
        if (fail) throw new Error(name);
      };
    await Promise.allSettled([run(task('a', true)), run(task('b'))]);
    expect(order).toEqual(['a start', 'a end', 'b start', 'b end']);
  });
});
