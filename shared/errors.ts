// The error codes of docs/api.md and the one error body every 4xx/5xx answer has:
// `{"error": {"code": "<snake_case>", "message": "<human text>", "details"?: {…}}}`.
// ERROR_STATUS keeps each code's HTTP status next to it, so the server's single error handler
// and the client's reading of answers cannot disagree about them.
import { z } from 'zod';

export const ERROR_CODES = [
  'not_found',
  'invalid_request',
  'unsupported_media_type',
  'payload_too_large',
  'rate_limited',
  'unauthenticated',
  'invalid_credentials',
  'email_taken',
  'signup_disabled',
  'account_disabled',
  'invalid_refresh',
  'refresh_reused',
  'upgrade_required',
  'clock_drift',
  'resync_required',
  'internal_error',
  'service_unavailable',
  'method_not_allowed',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {
  not_found: 404,
  invalid_request: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  rate_limited: 429,
  unauthenticated: 401,
  invalid_credentials: 401,
  email_taken: 409,
  signup_disabled: 403,
  account_disabled: 403,
  invalid_refresh: 401,
  refresh_reused: 401,
  upgrade_required: 426,
  clock_drift: 409,
  resync_required: 410,
  internal_error: 500,
  service_unavailable: 503,
  method_not_allowed: 405,
};

export function isErrorCode(s: unknown): s is ErrorCode {
  return typeof s === 'string' && (ERROR_CODES as readonly string[]).includes(s);
}

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** E.g. `{index, reason}` for a bad sync change, `{serverTime}` for clock_drift. */
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Builds an error body; `details` is left out rather than sent as undefined. */
export function errorBody(
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): ErrorBody {
  return details === undefined
    ? { error: { code, message } }
    : { error: { code, message, details } };
}
