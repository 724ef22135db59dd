// Loads the error-report module only when the server has a DSN configured
// (GET /api/error-reports), so a server without PYB_SENTRY_DSN never ships
// Sentry's code to the page, and the app starts without waiting for it. An app
// opened offline asks once the network is back (asking offline would only log
// a failed request); an old server without the route means "no reports".

export interface ErrorReportsConfig {
  enabled: boolean;
  dsn?: string;
}

export interface LoadOptions {
  /** Resolves when the browser is online. */
  online?: () => Promise<void>;
  fetchConfig?: () => Promise<Response>;
  load?: () => Promise<{ startErrorReports(dsn: string): void }>;
}

const whenOnline = () =>
  navigator.onLine
    ? Promise.resolve()
    : new Promise<void>((resolve) =>
        window.addEventListener('online', () => resolve(), { once: true }),
      );

export async function loadErrorReports(options: LoadOptions = {}): Promise<boolean> {
  const {
    online = whenOnline,
    fetchConfig = () => fetch('/api/error-reports'),
    load = () => import('./sentry-reporter'),
  } = options;
  await online();
  let config: ErrorReportsConfig;
  try {
    const res = await fetchConfig();
    if (!res.ok) return false;
    config = (await res.json()) as ErrorReportsConfig;
  } catch {
    return false;
  }
  if (!config.enabled || typeof config.dsn !== 'string') return false;
  (await load()).startErrorReports(config.dsn);
  return true;
}
