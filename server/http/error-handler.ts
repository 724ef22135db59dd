// The app's single error handler and API not-found handler. Every failure leaves
// as the JSON error body of docs/api.md; unexpected errors are logged with their
// stack server-side and answered with a generic 500 that reveals nothing.
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { ERROR_STATUS, errorBody, type ErrorCode } from '../../shared/errors';
import type { ErrorReporter } from '../ops/error-reports';
import { ApiError } from './api-error';

/**
 * Maps the statuses Hono's own middleware raises (body limit, bearer auth …) to
 * our error codes; where several codes share a status, the generic one wins.
 */
const GENERIC_CODES: readonly ErrorCode[] = [
  'invalid_request',
  'unauthenticated',
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
];
const codeForStatus = (status: number): ErrorCode =>
  GENERIC_CODES.find((code) => ERROR_STATUS[code] === status) ?? 'invalid_request';

export function createErrorHandler(logger: Logger, reporter?: ErrorReporter): ErrorHandler {
  return function handleError(error, c) {
    if (error instanceof ApiError) {
      return c.json(errorBody(error.code, error.message, error.details), error.status);
    }
    if (error instanceof HTTPException && (error.status < 500 || error.status === 503)) {
      const code = error.status === 503 ? 'service_unavailable' : codeForStatus(error.status);
      return c.json(errorBody(code, error.message || code.replace(/_/g, ' ')), error.status);
    }
    logger.error({ err: error, method: c.req.method, path: c.req.path }, 'unhandled error');
    // What Sentry's own request integration would send; the scrubber keeps method and path.
    reporter?.capture(error, {
      method: c.req.method,
      url: c.req.url,
      headers: c.req.header(),
    });
    return c.json(errorBody('internal_error', 'Something went wrong on the server.'), 500);
  };
}

export const apiNotFound: NotFoundHandler = (c: Context) =>
  c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}`), 404);
