import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_STATUS, errorBody, errorBodySchema, isErrorCode } from './errors';
import type { ErrorCode } from './errors';

describe('errors', () => {
  it.each<[ErrorCode, number]>([
    ['not_found', 404],
    ['invalid_request', 400],
    ['unsupported_media_type', 415],
    ['payload_too_large', 413],
    ['rate_limited', 429],
    ['unauthenticated', 401],
    ['invalid_credentials', 401],
    ['email_taken', 409],
    ['signup_disabled', 403],
    ['account_disabled', 403],
    ['invalid_refresh', 401],
    ['refresh_reused', 401],
    ['upgrade_required', 426],
    ['clock_drift', 409],
    ['resync_required', 410],
    ['internal_error', 500],
    ['service_unavailable', 503],
    ['method_not_allowed', 405],
  ])('%s answers %i', (code, status) => {
    expect(ERROR_CODES).toContain(code);
    expect(ERROR_STATUS[code]).toBe(status);
  });

  it('has 18 codes, each once', () => {
    expect(new Set(ERROR_CODES).size).toBe(18);
    expect(ERROR_CODES).toHaveLength(18);
  });

  it.each<[string, unknown, boolean]>([
    ['a plain error', { error: { code: 'not_found', message: 'no such route' } }, true],
    [
      'an error with details',
      {
        error: {
          code: 'invalid_request',
          message: 'bad change',
          details: { index: 3, reason: 'x' },
        },
      },
      true,
    ],
    ['an unknown code', { error: { code: 'teapot', message: '' } }, false],
    ['no message', { error: { code: 'not_found' } }, false],
    [
      'details that are not an object',
      { error: { code: 'not_found', message: '', details: 'x' } },
      false,
    ],
    ['a bare string', 'Not Found', false],
  ])('errorBodySchema: %s → %s', (_name, body, ok) => {
    expect(errorBodySchema.safeParse(body).success).toBe(ok);
  });

  it('errorBody leaves details out unless given', () => {
    expect(errorBody('not_found', 'gone')).toEqual({
      error: { code: 'not_found', message: 'gone' },
    });
    expect('details' in errorBody('not_found', 'gone').error).toBe(false);
    expect(errorBody('clock_drift', 'ahead', { serverTime: 'T' }).error.details).toEqual({
      serverTime: 'T',
    });
  });

  it.each([
    ['clock_drift', true],
    ['teapot', false],
    [404, false],
  ])('isErrorCode(%j) is %s', (value, ok) => {
    expect(isErrorCode(value)).toBe(ok);
  });
});
