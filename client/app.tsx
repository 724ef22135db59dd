// The app shell: skip link, header and navigation, the desktop sidebar, the routed page,
// the storage alert and the update banner. It also keeps <html> in the chosen theme,
// since the settings row can change from the settings page, another tab or a synced
// device, and starts the account session (client/auth), whose state the header's
// account link and the account notice show, and the sync loop (client/sync), whose
// status shows under the app bar.
//
// Code splitting: the first screen (overview), the trip page, which must open at once at
// the trailhead, and the tiny settings page (its code is in the shell already) are in
// the entry chunk; every other page loads on first visit. The service worker precaches
// every chunk, so lazy pages open offline too.
import { lazy, Suspense, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { authClientFor, type AuthClient } from './auth/auth-client';
import { AuthContext, useAuthState } from './auth/use-auth';
import type { PybDatabase } from './db/db';
import { DbContext } from './model/db-context';
import { STORAGE_MESSAGES } from './model/storage-errors';
import { HomePage } from './features/home/home-page';
import { FirstRunContext } from './features/home/overview-data';
import { SectionPage } from './features/home/section-page';
import { applyTheme } from './features/settings/apply-theme';
import { SettingsPage } from './features/settings/settings-page';
import { useSettings } from './features/settings/use-settings';
import { AccountNotice, accountNavLink } from './features/shell/account-status';
import { RouteErrorBoundary } from './features/shell/route-error-boundary';
import { Sidebar } from './features/shell/sidebar';
import { SyncStatusLine } from './features/shell/sync-status';
import { DESKTOP_QUERY, useMediaQuery } from './features/shell/use-media-query';
import { useStorageProblem } from './features/shell/use-storage-problem';
import { TripPage } from './features/trips/trip-page';
import { UndoProvider } from './features/undo/undo-provider';
import type { SwController } from './pwa/register-sw';
import { appSyncFor } from './sync/app-sync';
import type { SyncStatusStore } from './sync/sync-status';
import { SiteHeader } from './ui/site-header';
import type { NavLink } from './ui/site-header';
import { Skeleton } from './ui/skeleton';
import { StorageAlert } from './ui/storage-error';
import { UpdateBanner } from './ui/update-banner';

const ItemsPage = lazy(() =>
  import('./features/items/items-page').then((m) => ({ default: m.ItemsPage })),
);
const ListPage = lazy(() =>
  import('./features/lists/list-page').then((m) => ({ default: m.ListPage })),
);
const PackPage = lazy(() =>
  import('./features/packs/pack-page').then((m) => ({ default: m.PackPage })),
);
const AccountPage = lazy(() =>
  import('./features/account/account-page').then((m) => ({ default: m.AccountPage })),
);
const NotFoundPage = lazy(() =>
  import('./features/home/not-found-page').then((m) => ({ default: m.NotFoundPage })),
);

const NAV_LINKS: readonly NavLink[] = [
  { href: '/trips', label: 'Trips' },
  { href: '/packs', label: 'Packs' },
  { href: '/lists', label: 'Lists' },
  { href: '/items', label: 'Items' },
];

const SETTINGS_LINK: NavLink = { href: '/settings', label: 'Settings' };

interface AppProps {
  db: PybDatabase;
  sw: SwController;
  /** The first-run seeding, settled when done (never rejects); null when there is none. */
  firstRun?: Promise<unknown> | null;
  /** Accounts and the session; by default the app's one client for `db`. */
  auth?: AuthClient;
}

export function App({ db, sw, firstRun = null, auth = authClientFor(db) }: AppProps) {
  const sync = appSyncFor(auth);
  useEffect(() => {
    void auth.session.start();
    return () => auth.session.stop();
  }, [auth]);
  useEffect(() => {
    sync.loop.start();
    return () => sync.loop.stop();
  }, [sync]);
  return (
    <DbContext value={db}>
      <AuthContext value={auth}>
        <FirstRunContext value={firstRun}>
          <UndoProvider>
            <Shell sw={sw} syncStatus={sync.status} />
          </UndoProvider>
        </FirstRunContext>
      </AuthContext>
    </DbContext>
  );
}

function Shell({ sw, syncStatus }: { sw: SwController; syncStatus: SyncStatusStore }) {
  const [location, navigate] = useLocation();
  const settings = useSettings();
  const updateWaiting = useSyncExternalStore(sw.subscribe, sw.getSnapshot, () => false);
  const [updateDeferred, setUpdateDeferred] = useState(false);
  const [storageProblem, dismissStorageProblem] = useStorageProblem();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const main = useMainFocusOnNavigation(location);
  const account = useAuthState();

  const theme = settings.status === 'ready' ? settings.value.theme : null;
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader
        links={NAV_LINKS}
        utilityLinks={[SETTINGS_LINK, accountNavLink(account)]}
        currentPath={location}
        onNavigate={navigate}
      />
      <AccountNotice state={account} currentPath={location} />
      <SyncStatusLine store={syncStatus} />
      <StorageAlert
        message={storageProblem && STORAGE_MESSAGES[storageProblem]}
        onDismiss={dismissStorageProblem}
      />
      <div className="app-body">
        {desktop && (
          <Suspense fallback={<div className="sidebar" />}>
            <Sidebar currentPath={location} />
          </Suspense>
        )}
        <main id="main" tabIndex={-1} ref={main}>
          <RouteErrorBoundary location={location}>
            <Suspense fallback={<Skeleton rows={4} label="Loading page" />}>
              <Routes />
            </Suspense>
          </RouteErrorBoundary>
        </main>
      </div>
      <UpdateBanner
        visible={updateWaiting && !updateDeferred}
        onReload={sw.applyUpdate}
        onLater={() => setUpdateDeferred(true)}
      />
    </>
  );
}

function Routes() {
  return (
    <Switch>
      <Route path="/" component={HomePage} />
      <Route path="/trips">{() => <SectionPage kind="trip" />}</Route>
      <Route path="/packs">{() => <SectionPage kind="pack" />}</Route>
      <Route path="/lists">{() => <SectionPage kind="list" />}</Route>
      <Route path="/items" component={ItemsPage} />
      <Route path="/lists/:id">{(params) => <ListPage id={params.id} />}</Route>
      <Route path="/packs/:id">{(params) => <PackPage id={params.id} />}</Route>
      <Route path="/trips/:id">{(params) => <TripPage id={params.id} />}</Route>
      <Route path="/settings" component={SettingsPage} />
      <Route path="/account" component={AccountPage} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}

/**
 * After a client-side navigation, moves focus to <main> so keyboard and screen-reader
 * users start at the new page instead of on the link they left. Not on first load.
 */
function useMainFocusOnNavigation(location: string) {
  const main = useRef<HTMLElement>(null);
  const previous = useRef(location);
  useEffect(() => {
    if (previous.current === location) return;
    previous.current = location;
    main.current?.focus();
  }, [location]);
  return main;
}
