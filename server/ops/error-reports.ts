// Error reports to Sentry or a self-hosted GlitchTip (PYB_SENTRY_DSN), built on
// @sentry/core's server client: no OpenTelemetry, no auto-instrumentation, no
// breadcrumbs, nothing but the errors we hand it. Every event passes through
// scrubEvent (shared/scrub-event.ts) before it is queued, the browser's reports
// too: they arrive through our own tunnel (POST /api/error-reports), are
// scrubbed again here and leave with the server's transport, so the page never
// talks to a third party and its CSP stays 'self'.
import {
  createStackParser,
  createTransport,
  dedupeIntegration,
  linkedErrorsIntegration,
  parseEnvelope,
  Scope,
  type BaseTransportOptions,
  type Envelope,
  type Event,
  type Transport,
} from '@sentry/core';
import { nodeStackLineParser, ServerRuntimeClient } from '@sentry/core/server';
import { scrubEvent } from '../../shared/scrub-event';

export interface ReportedRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
}

export interface ErrorReporter {
  /** `request` is what Sentry would record; the scrubber keeps only method and path. */
  capture(error: unknown, request?: ReportedRequest): void;
  /** Forwards a browser envelope: event items only, scrubbed, to our DSN. */
  forward(body: string): Promise<boolean>;
  flush(timeoutMs: number): Promise<boolean>;
}

/** Posts envelopes with the runtime's fetch; tests pass a transport that keeps them. */
function fetchTransport(options: BaseTransportOptions): Transport {
  return createTransport(options, async (request) => {
    const res = await fetch(options.url, {
      method: 'POST',
      // Event envelopes are text; attachments (binary) are never sent.
      body:
        typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body),
      headers: { 'content-type': 'application/x-sentry-envelope' },
    });
    return {
      statusCode: res.status,
      headers: {
        'x-sentry-rate-limits': res.headers.get('x-sentry-rate-limits'),
        'retry-after': res.headers.get('retry-after'),
      },
    };
  });
}

export function createErrorReporter(options: {
  dsn: string;
  release: string;
  transport?: (options: BaseTransportOptions) => Transport;
}): ErrorReporter {
  const client = new ServerRuntimeClient({
    dsn: options.dsn,
    release: `packyourbag@${options.release}`,
    platform: 'node',
    runtime: { name: 'node', version: process.version },
    sendDefaultPii: false,
    maxBreadcrumbs: 0,
    integrations: [dedupeIntegration(), linkedErrorsIntegration()],
    stackParser: createStackParser(nodeStackLineParser()),
    transport: options.transport ?? fetchTransport,
    beforeSend: (event) => scrubEvent(event),
  });
  client.init();
  return {
    capture(error, request) {
      const scope = new Scope();
      if (request) scope.addEventProcessor((event) => ({ ...event, request }));
      client.captureException(error, undefined, scope);
    },
    async forward(body) {
      let envelope: Envelope;
      try {
        envelope = parseEnvelope(body);
      } catch {
        return false;
      }
      const events = envelope[1]
        .filter(([header]) => header.type === 'event')
        .map(([header, payload]) => [header, scrubEvent(payload as Event)]);
      if (events.length === 0) return false;
      const scrubbed = [{ ...envelope[0], dsn: options.dsn }, events] as unknown as Envelope;
      await client.getTransport()?.send(scrubbed);
      return true;
    },
    flush: async (timeoutMs) => client.flush(timeoutMs),
  };
}
