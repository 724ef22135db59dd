// Entry point: registers the service worker, opens the local database, seeds the guest
// sample on a device's first start and renders the app, or a storage error when the
// browser refuses IndexedDB (some private modes). Storage failures of later writes are
// caught app-wide and shown as an alert (model/storage-errors.ts).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { seedOnFirstRun } from './model/first-run';
import { db } from './db/db';
import { watchStorageErrors } from './model/storage-errors';
import { loadErrorReports } from './error-reports/load';
import { applyTheme } from './features/settings/apply-theme';
import { readSettings } from './model/settings';
import { watchLaunchQueue } from './pwa/incoming-file';
import { createInstallStore } from './pwa/install';
import { registerServiceWorker } from './pwa/register-sw';
import { StorageError } from './ui/storage-error';
import './styles.css';

const sw = registerServiceWorker();
// Before anything renders: the browser may offer installing at once.
const install = createInstallStore(window);
watchLaunchQueue();
watchStorageErrors(window);
void loadErrorReports();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

void start();

async function start(): Promise<void> {
  try {
    await db.open();
    // Before the first render, so a forced theme never flashes the system one.
    applyTheme((await readSettings(db)).theme);
  } catch (error) {
    console.error('Could not open the local database', error);
    root.render(<StorageError detail={describe(error)} onRetry={() => location.reload()} />);
    return;
  }
  // Runs while the shell renders; pages that show the user's rows wait for it (see
  // overview-data.ts). A failure (e.g. a full disk) must not keep the app from starting.
  const firstRun = seedOnFirstRun(db).catch((error: unknown) => {
    console.warn('Could not write the sample data', error);
  });
  root.render(
    <StrictMode>
      <App db={db} sw={sw} firstRun={firstRun} install={install} />
    </StrictMode>,
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
