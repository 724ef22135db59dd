// The app's install store (install.ts), made in main.tsx before the first render so an
// early `beforeinstallprompt` is not missed, and read by Settings.
import { createContext, useContext, useSyncExternalStore } from 'react';
import { NO_INSTALL, type InstallState, type InstallStore } from './install';

export const InstallContext = createContext<InstallStore>(NO_INSTALL);

export function useInstall(): { state: InstallState; store: InstallStore } {
  const store = useContext(InstallContext);
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  return { state, store };
}
