// Entry point: registers the service worker, opens the local database and renders the
// app, or a storage error when the browser refuses IndexedDB (some private modes).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { db } from './db/db';
import { applyTheme } from './features/settings/apply-theme';
import { readSettings } from './features/settings/settings-store';
import { registerServiceWorker } from './pwa/register-sw';
import { StorageError } from './ui/storage-error';
import './styles.css';

const sw = registerServiceWorker();
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
  root.render(
    <StrictMode>
      <App db={db} sw={sw} />
    </StrictMode>,
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
