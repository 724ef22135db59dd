// The one error type routes throw. The error handler turns it into the API's
// error body (shared/errors.ts), so handlers never build error JSON by hand and
// a code's HTTP status is defined in one place.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_STATUS, type ErrorCode } from '../../shared/errors';

export class ApiError extends Error {
  readonly status: ContentfulStatusCode;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = ERROR_STATUS[code] as ContentfulStatusCode;
  }
}
