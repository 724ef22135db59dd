// Installing the app: Chromium browsers fire `beforeinstallprompt` when the app may be
// installed; the event is kept (its default mini-infobar suppressed) so Settings can offer
// an "Install app" button that calls its prompt(). iOS Safari has no such event: it gets a
// short "Add to Home Screen" hint instead. Nothing is offered once the app runs standalone
// (display-mode: standalone, or iOS's navigator.standalone) or `appinstalled` fired.
// The store is created in main.tsx before the first render, since the event may come
// early, and read with useSyncExternalStore.

/** The non-standard BeforeInstallPromptEvent, as far as this app uses it. */
export interface InstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
  userChoice?: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** installed: running as the app; available: a button; ios-hint: the Share-menu hint. */
export type InstallState = 'installed' | 'available' | 'ios-hint' | 'unavailable';

export interface InstallStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): InstallState;
  /** Shows the browser's install dialog; what the user chose, or 'unavailable'. */
  promptInstall(): Promise<'accepted' | 'dismissed' | 'unavailable'>;
  /** Calls back once the app is installed (`appinstalled`). */
  onInstalled(listener: () => void): () => void;
}

/** What the store reads from the window, so tests can hand in a plain EventTarget. */
export interface InstallEnvironment extends EventTarget {
  matchMedia?: (query: string) => { matches: boolean };
  navigator?: { userAgent?: string; platform?: string; maxTouchPoints?: number };
}

export const STANDALONE_QUERY = '(display-mode: standalone)';

/** iOS (or iPadOS, which says "Macintosh" but has touch) Safari, not Chrome/Firefox/Edge on iOS. */
export function isIosSafari(nav: InstallEnvironment['navigator']): boolean {
  const ua = nav?.userAgent ?? '';
  const ios =
    /iPad|iPhone|iPod/.test(ua) || (/Macintosh/.test(ua) && (nav?.maxTouchPoints ?? 0) > 1);
  return ios && /Safari\//.test(ua) && !/CriOS|FxiOS|EdgiOS|OPiOS/.test(ua);
}

function isStandalone(env: InstallEnvironment): boolean {
  const iosStandalone = (env.navigator as { standalone?: boolean } | undefined)?.standalone;
  return iosStandalone === true || env.matchMedia?.(STANDALONE_QUERY).matches === true;
}

export function createInstallStore(env: InstallEnvironment): InstallStore {
  let deferred: InstallPromptEvent | null = null;
  let installed = isStandalone(env);
  const listeners = new Set<() => void>();
  const installedListeners = new Set<() => void>();
  const iosHint = isIosSafari(env.navigator);
  let state = compute();

  function compute(): InstallState {
    if (installed) return 'installed';
    if (deferred) return 'available';
    return iosHint ? 'ios-hint' : 'unavailable';
  }
  function changed(): void {
    const next = compute();
    if (next === state) return;
    state = next;
    for (const listener of [...listeners]) listener();
  }

  env.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    deferred = event as InstallPromptEvent;
    changed();
  });
  env.addEventListener('appinstalled', () => {
    installed = true;
    deferred = null;
    changed();
    for (const listener of [...installedListeners]) listener();
  });

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    async promptInstall() {
      const event = deferred;
      if (!event) return 'unavailable';
      // An event prompts once: a dismissed dialog needs a new beforeinstallprompt.
      deferred = null;
      changed();
      await event.prompt();
      const choice = await event.userChoice?.catch(() => undefined);
      return choice?.outcome ?? 'accepted';
    },
    onInstalled(listener) {
      installedListeners.add(listener);
      return () => installedListeners.delete(listener);
    },
  };
}

/** A store for environments with no window (tests, Storybook): nothing to install. */
export const NO_INSTALL: InstallStore = {
  subscribe: () => () => undefined,
  getSnapshot: () => 'unavailable',
  promptInstall: async () => 'unavailable',
  onInstalled: () => () => undefined,
};
