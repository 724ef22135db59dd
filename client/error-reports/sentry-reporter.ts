// The browser's error reports (@sentry/browser), in a chunk of its own that
// load.ts imports only when the server has a DSN (and that the service worker
// does not precache: vite.config.ts ignores sentry-reporter-*.js). Uncaught errors and unhandled
// rejections only: no breadcrumbs (they echo what the user typed and clicked),
// no session replay, no tracing. Each event is scrubbed here (shared/scrub-event.ts)
// and sent to our own server's tunnel, which scrubs it again and forwards it;
// the page itself never contacts the report service, so the CSP stays 'self'.
import {
  dedupeIntegration,
  globalHandlersIntegration,
  init,
  linkedErrorsIntegration,
} from '@sentry/browser';
import { scrubEvent } from '../../shared/scrub-event';

export function startErrorReports(dsn: string): void {
  init({
    dsn,
    tunnel: '/api/error-reports',
    defaultIntegrations: false,
    integrations: [globalHandlersIntegration(), linkedErrorsIntegration(), dedupeIntegration()],
    maxBreadcrumbs: 0,
    beforeSend: (event) => scrubEvent(event),
  });
}
