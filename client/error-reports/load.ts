// Loads the error-report module only when the server has a DSN configured
// (GET /api/error-reports), so a server without PYB_SENTRY_DSN never ships
// Sentry's code to the page, and the app starts without waiting for it.
// Offline or on an old server the answer is simply "no reports".

export interface ErrorReportsConfig {
  enabled: boolean;
  dsn?: string;
}

export async function loadErrorReports(
  fetchConfig: () => Promise<Response> = () => fetch('/api/error-reports'),
  load: () => Promise<{ startErrorReports(dsn: string): void }> = () => import('./report'),
): Promise<boolean> {
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
