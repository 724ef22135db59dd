// The app shell: skip link, header and navigation, the routed page, the update banner.
// It also keeps <html> in the chosen theme, since the settings row can change from the
// settings page, another tab or a synced device.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import type { PybDatabase } from './db/db';
import { DbContext } from './db/db-context';
import { AccountPage } from './features/account/account-page';
import { HomePage } from './features/home/home-page';
import { NotFoundPage } from './features/home/not-found-page';
import { ItemsPage } from './features/items/items-page';
import { ListPage } from './features/lists/list-page';
import { PackPage } from './features/packs/pack-page';
import { applyTheme } from './features/settings/apply-theme';
import { SettingsPage } from './features/settings/settings-page';
import { useSettings } from './features/settings/use-settings';
import { TripPage } from './features/trips/trip-page';
import { UndoProvider } from './features/undo/undo-provider';
import type { SwController } from './pwa/register-sw';
import { SiteHeader } from './ui/site-header';
import type { NavLink } from './ui/site-header';
import { UpdateBanner } from './ui/update-banner';

const NAV_LINKS: readonly NavLink[] = [
  { href: '/items', label: 'Items' },
  { href: '/settings', label: 'Settings' },
  { href: '/account', label: 'Account' },
];

interface AppProps {
  db: PybDatabase;
  sw: SwController;
}

export function App({ db, sw }: AppProps) {
  return (
    <DbContext value={db}>
      <UndoProvider>
        <Shell sw={sw} />
      </UndoProvider>
    </DbContext>
  );
}

function Shell({ sw }: { sw: SwController }) {
  const [location, navigate] = useLocation();
  const settings = useSettings();
  const updateWaiting = useSyncExternalStore(sw.subscribe, sw.getSnapshot, () => false);
  const [updateDeferred, setUpdateDeferred] = useState(false);
  const main = useMainFocusOnNavigation(location);

  const theme = settings.status === 'ready' ? settings.value.theme : null;
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader links={NAV_LINKS} currentPath={location} onNavigate={navigate} />
      <main id="main" tabIndex={-1} ref={main}>
        <Switch>
          <Route path="/" component={HomePage} />
          <Route path="/items" component={ItemsPage} />
          <Route path="/lists/:id">{(params) => <ListPage id={params.id} />}</Route>
          <Route path="/packs/:id">{(params) => <PackPage id={params.id} />}</Route>
          <Route path="/trips/:id">{(params) => <TripPage id={params.id} />}</Route>
          <Route path="/settings" component={SettingsPage} />
          <Route path="/account" component={AccountPage} />
          <Route component={NotFoundPage} />
        </Switch>
      </main>
      <UpdateBanner
        visible={updateWaiting && !updateDeferred}
        onReload={sw.applyUpdate}
        onLater={() => setUpdateDeferred(true)}
      />
    </>
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
