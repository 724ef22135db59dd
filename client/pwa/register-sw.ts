// Registers the Workbox service worker and exposes "an update is waiting" as a tiny
// store for useSyncExternalStore. The new version only takes over when the user asks:
// a reload in the middle of packing would lose their place, so nothing here reloads
// or skips waiting on its own. (The first install claims the page at once, which
// reloads nothing; see clientsClaim in vite.config.ts.)
import { Workbox } from 'workbox-window';

export interface SwController {
  subscribe: (onChange: () => void) => () => void;
  /** True when a new version is installed and waits for the user's go-ahead. */
  getSnapshot: () => boolean;
  /** Activates the waiting version, then reloads the page onto it. */
  applyUpdate: () => void;
  /**
   * Looks for a new version now (the server said this one is too old: a 426); one that
   * is found installs and shows the usual update prompt. At most one look at a time.
   */
  checkForUpdate: () => void;
}

/** The part of workbox-window's Workbox this module uses, so tests can fake it. */
export interface WorkboxLike {
  addEventListener(type: 'waiting', listener: (event: { sw?: ServiceWorker }) => void): void;
  addEventListener(type: 'controlling', listener: () => void): void;
  messageSkipWaiting(): void;
  update(): Promise<unknown>;
}

const HOUR_MS = 60 * 60 * 1000;

const inert: SwController = {
  subscribe: () => () => undefined,
  getSnapshot: () => false,
  applyUpdate: () => undefined,
  checkForUpdate: () => undefined,
};

export function createSwController(wb: WorkboxLike, reload: () => void): SwController {
  let waitingWorker: ServiceWorker | undefined;
  let checking = false;
  const listeners = new Set<() => void>();

  wb.addEventListener('waiting', (event) => {
    waitingWorker = event.sw;
    for (const listener of listeners) listener();
  });

  return {
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    getSnapshot: () => waitingWorker !== undefined,
    applyUpdate() {
      // Another tab may already have activated this version: then only the reload is left.
      if (waitingWorker?.state !== 'installed') {
        reload();
        return;
      }
      // Reload once the new worker controls the page, so the reload gets its assets.
      wb.addEventListener('controlling', reload);
      wb.messageSkipWaiting();
    },
    checkForUpdate() {
      if (checking || waitingWorker) return;
      checking = true;
      // Offline, or the same version: nothing to offer; the sync line still says why.
      wb.update()
        .catch(() => undefined)
        .finally(() => {
          checking = false;
        });
    },
  };
}

/** Registers /sw.js in production builds; in dev and tests there is no worker. */
export function registerServiceWorker(): SwController {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return inert;
  const wb = new Workbox('/sw.js');
  const controller = createSwController(wb, () => window.location.reload());
  wb.register().catch((error: unknown) => {
    console.warn('Service worker registration failed; the app works but not offline.', error);
  });
  // Browsers look for a new worker on navigation; an installed app may stay open for
  // days without navigating, so ask hourly too (offline, the check just fails).
  setInterval(controller.checkForUpdate, HOUR_MS);
  return controller;
}
