// The app shell: skip link, header and navigation, the desktop sidebar, the routed page,
// the storage alert and the update banner. It also keeps <html> in the chosen theme,
// since the settings row can change from the settings page, another tab or a synced
// device, and starts the account session (client/auth), whose state the header's
// account link and the account notice show, and the sync loop (client/sync), whose
// status shows under the app bar (a 426 there looks for a new version). It asks for
// persistent storage once the user has data of their own, reminds a guest once to keep
// a backup, and spells weights in the user's locale and unit system. Both load after the first render
// (account-services.ts), so the first screen does not wait for them.
//
// Code splitting: the first screen (overview), the trip page, which must open at once at
// the trailhead, and the tiny settings page (its code is in the shell already) are in
// the entry chunk; every other page loads on first visit. The service worker precaches
// every chunk, so lazy pages open offline too. Accounts, sync and zod are not in it either:
// account-services.ts loads the first two after the first render, and the model loads
// its write checks on the first write (model/schemas.ts).
import {
  lazy,
  Suspense,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { loadAccountServices, type AccountServices } from './account-services';
import type { AuthClient } from './auth/auth-client';
import type { AuthState } from './auth/session-state';
import { AuthContext } from './auth/use-auth';
import type { PybDatabase } from './db/db';
import { DbContext } from './model/db-context';
import { STORAGE_MESSAGES } from './model/storage-errors';
import { HomePage } from './features/home/home-page';
import { FirstRunContext } from './features/home/overview-data';
import { SectionPage } from './features/home/section-page';
import { applyTheme } from './features/settings/apply-theme';
import { IMPORT_PATH } from './pwa/incoming-file';
import { SettingsPage } from './features/settings/settings-page';
import { useSettings } from './features/settings/use-settings';
import { AccountNotice, accountNavLink } from './features/shell/account-status';
import { BackupReminderSlot } from './features/shell/backup-reminder-slot';
import { usePersistStorage } from './features/shell/use-persist-storage';
import { RouteErrorBoundary } from './features/shell/route-error-boundary';
import { Sidebar } from './features/shell/sidebar';
import { SyncStatusLine } from './features/shell/sync-status';
import { DESKTOP_QUERY, useMediaQuery } from './features/shell/use-media-query';
import { useStorageProblem } from './features/shell/use-storage-problem';
import { NEXT_TRIP_PATH, NextTripRedirect } from './features/trips/next-trip-redirect';
import { TripPage } from './features/trips/trip-page';
import { UndoProvider } from './features/undo/undo-provider';
import { NO_INSTALL, type InstallStore } from './pwa/install';
import { InstallContext } from './pwa/install-context';
import type { SwController } from './pwa/register-sw';
import { createSyncStatusStore, type SyncStatusStore } from './sync/sync-status';
import { SiteHeader } from './ui/site-header';
import type { NavLink } from './ui/site-header';
import { Skeleton } from './ui/skeleton';
import { StorageAlert } from './ui/storage-error';
import { UpdateBanner } from './ui/update-banner';
import { WeightFormatContext } from './ui/weight-format';

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
const ImportPage = lazy(() =>
  import('./features/settings/import-page').then((m) => ({ default: m.ImportPage })),
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
  /** The install offer (main.tsx captures the browser's event before the first render). */
  install?: InstallStore;
  /** The clock of reminders; tests move it. */
  now?: () => number;
}

export function App({
  db,
  sw,
  firstRun = null,
  auth,
  install = NO_INSTALL,
  now = Date.now,
}: AppProps) {
  const services = useAccountServices(db, auth);
  useEffect(() => {
    if (!services) return;
    void services.auth.session.start();
    return () => services.auth.session.stop();
  }, [services]);
  useEffect(() => {
    if (!services) return;
    services.sync.loop.start();
    return () => services.sync.loop.stop();
  }, [services]);
  usePersistStorage(db, install);
  return (
    <DbContext value={db}>
      <AuthContext value={services?.auth ?? null}>
        <FirstRunContext value={firstRun}>
          <InstallContext value={install}>
            <UndoProvider>
              <Shell sw={sw} syncStatus={services?.sync.status ?? null} now={now} />
            </UndoProvider>
          </InstallContext>
        </FirstRunContext>
      </AuthContext>
    </DbContext>
  );
}

/** The auth client and sync once loaded (after the first render); null until then. */
function useAccountServices(db: PybDatabase, auth?: AuthClient): AccountServices | null {
  const [services, setServices] = useState<AccountServices | null>(null);
  useEffect(() => {
    let current = true;
    loadAccountServices(db, auth).then(
      (loaded) => {
        if (current) setServices(loaded);
      },
      // Only before the service worker holds the chunks; the app works on as a guest's.
      (error: unknown) => console.warn('Could not load accounts and sync', error),
    );
    return () => {
      current = false;
    };
  }, [db, auth]);
  return services;
}

const STARTING: AuthState = { status: 'starting' };
/** What the sync line shows until sync has loaded: a guest's status, nothing. */
const SIGNED_OUT_SYNC = createSyncStatusStore();

/** The account state; 'starting' (what the session says first) until auth has loaded. */
function useAccountState(): AuthState {
  const session = useContext(AuthContext)?.session;
  const subscribe = session?.subscribe ?? noSubscription;
  const getSnapshot = session?.getSnapshot ?? startingSnapshot;
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

const noSubscription = () => () => undefined;
const startingSnapshot = () => STARTING;

interface ShellProps {
  sw: SwController;
  syncStatus: SyncStatusStore | null;
  now: () => number;
}

function Shell({ sw, syncStatus, now }: ShellProps) {
  const [location, navigate] = useLocation();
  const settings = useSettings();
  const updateWaiting = useSyncExternalStore(sw.subscribe, sw.getSnapshot, () => false);
  const [updateDeferred, setUpdateDeferred] = useState(false);
  const [storageProblem, dismissStorageProblem] = useStorageProblem();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const main = useMainFocusOnNavigation(location);
  const account = useAccountState();

  const theme = settings.status === 'ready' ? settings.value.theme : null;
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);
  const unitSystem = settings.status === 'ready' ? settings.value.unitSystem : null;
  const weightFormat = useMemo(() => (unitSystem ? { system: unitSystem } : {}), [unitSystem]);
  useUpgradeWhenTooOld(syncStatus, sw);

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
      <SyncStatusLine store={syncStatus ?? SIGNED_OUT_SYNC} />
      <BackupReminderSlot account={account} now={now} />
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
              <WeightFormatContext value={weightFormat}>
                <Routes />
              </WeightFormatContext>
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
      <Route path={NEXT_TRIP_PATH}>{() => <NextTripRedirect />}</Route>
      <Route path="/trips/:id">{(params) => <TripPage id={params.id} />}</Route>
      <Route path="/settings" component={SettingsPage} />
      <Route path={IMPORT_PATH} component={ImportPage} />
      <Route path="/account" component={AccountRoute} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}

/**
 * A 426 from the server (docs/api.md: this app is too old) looks for a new version at
 * once, rather than at the next hourly check; one found shows the update banner.
 */
function useUpgradeWhenTooOld(syncStatus: SyncStatusStore | null, sw: SwController) {
  const store = syncStatus ?? SIGNED_OUT_SYNC;
  const status = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const tooOld = status.state === 'error' && status.upgrade === true;
  useEffect(() => {
    if (tooOld) sw.checkForUpdate();
  }, [tooOld, sw]);
}

/** The account page needs the auth client: a moment's skeleton on a cold start there. */
function AccountRoute() {
  const auth = useContext(AuthContext);
  return auth ? <AccountPage /> : <Skeleton rows={4} label="Loading page" />;
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
