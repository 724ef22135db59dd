// /api/error-reports: GET tells the browser whether to load its error-report
// module; POST is the tunnel its reports go through, so they leave from here,
// scrubbed once more, and never from the page itself. The browser's SDK needs a
// DSN to build its envelopes, but since the server forwards them to its own
// DSN, the browser gets a stand-in on our origin: the real one (and the host of
// a private GlitchTip) stays on the server.
import { Hono } from 'hono';
import { errorBody } from '../../shared/errors';
import type { Config } from '../config';
import { jsonBodyLimit } from '../http/body-limit';
import { clientIp } from '../http/client-ip';
import { rateLimit } from '../http/rate-limit';
import type { Storage } from '../storage/storage';
import type { ErrorReporter } from './error-reports';

/** A browser report with a stack is a few KiB; replays and attachments are not accepted. */
const ENVELOPE_LIMIT = 64 * 1024;
const REPORTS_PER_MINUTE = 20;

/** What the routes use of the app's dependencies. */
export interface ErrorReportDeps {
  config: Pick<Config, 'publicUrl' | 'trustProxy'>;
  storage: Pick<Storage, 'rateLimitStore'>;
}

export function errorReportRoutes(
  deps: ErrorReportDeps,
  reporter: ErrorReporter | undefined,
): Hono {
  const app = new Hono();
  const standIn = `${deps.config.publicUrl.protocol}//browser@${deps.config.publicUrl.host}/0`;
  app.get('/', (c) => c.json(reporter ? { enabled: true, dsn: standIn } : { enabled: false }));
  app.post(
    '/',
    jsonBodyLimit(ENVELOPE_LIMIT),
    rateLimit({
      limit: REPORTS_PER_MINUTE,
      windowMs: 60_000,
      key: (c) => `error-reports:${clientIp(c, deps.config.trustProxy)}`,
      store: deps.storage.rateLimitStore('error-reports'),
    }),
    async (c) => {
      if (!reporter) return c.json(errorBody('not_found', 'Error reports are off.'), 404);
      const accepted = await reporter.forward(await c.req.text());
      if (!accepted) return c.json(errorBody('invalid_request', 'Not an error report.'), 400);
      return c.body(null, 202);
    },
  );
  return app;
}
