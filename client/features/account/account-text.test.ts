import { describe, expect, it } from 'vitest';
import type { ApiFailure } from '../../auth/http';
import type { ErrorCode } from '../../../shared/errors';
import { failureMessage, formatWait, OFFLINE_MESSAGE } from './auth-messages';
import { describeCounts, describeUnsynced, joinAnd } from './local-data-text';
import { validateCredentials } from './validate';

const http = (
  code: ErrorCode | null,
  status = 400,
  retryAfter: number | null = null,
): ApiFailure => ({
  kind: 'http',
  status,
  code,
  message: 'email: not an email address',
  retryAfter,
});

describe('failureMessage', () => {
  it('tells offline apart from every answer', () => {
    expect(failureMessage({ kind: 'offline' }, 'sign-in')).toBe(OFFLINE_MESSAGE);
    expect(failureMessage(http('invalid_credentials', 401), 'sign-in')).not.toBe(OFFLINE_MESSAGE);
  });

  it.each([
    ['invalid_credentials', 'sign-in', /don’t match an account/],
    ['invalid_credentials', 'password', /current password is not right/],
    ['invalid_credentials', 'delete', /was not deleted/],
    ['email_taken', 'sign-up', /already an account.*Sign in instead/],
    ['signup_disabled', 'sign-up', /doesn’t accept new accounts/],
    ['invalid_request', 'sign-up', /didn’t accept this: email: not an email address/],
    ['unauthenticated', 'other', /Sign in again/],
    ['internal_error', 'other', /error 500/],
  ] as const)('%s while %s', (code, action, expected) => {
    const status = code === 'internal_error' ? 500 : 400;
    expect(failureMessage(http(code, status), action)).toMatch(expected);
  });

  it('says when to try again after a rate limit', () => {
    expect(failureMessage(http('rate_limited', 429, 42), 'sign-in')).toBe(
      'Too many attempts. Try again in 42 seconds.',
    );
    expect(formatWait(1)).toBe('in 1 second');
    expect(formatWait(600)).toBe('in 10 minutes');
    expect(formatWait(null)).toBe('in a moment');
  });
});

describe('local data wording', () => {
  const none = {
    items: 0,
    lists: 0,
    listEntries: 0,
    packs: 0,
    packLists: 0,
    trips: 0,
    tripChecks: 0,
    settings: 0,
  };

  it('names what is there in the user’s terms', () => {
    expect(describeCounts({ ...none, items: 3, lists: 1, listEntries: 4, settings: 1 })).toBe(
      '3 items, 1 list and your settings',
    );
    expect(describeCounts({ ...none, trips: 1 })).toBe('1 trip');
    expect(describeCounts({ ...none, packLists: 1 })).toBe('some changes');
  });

  it('joins and counts', () => {
    expect(joinAnd(['a', 'b', 'c'])).toBe('a, b and c');
    expect(describeUnsynced(0)).toBe('');
    expect(describeUnsynced(1)).toBe('1 change not synced yet');
  });
});

describe('validateCredentials', () => {
  it('normalises the email and checks a new password’s length only on sign-up', () => {
    expect(validateCredentials('sign-in', ' Ann@Example.COM ', 'short')).toEqual({
      ok: true,
      credentials: { email: 'ann@example.com', password: 'short' },
    });
    expect(validateCredentials('sign-up', 'ann@example.com', 'short')).toEqual({
      ok: false,
      errors: { password: 'Use at least 8 characters.' },
    });
  });

  it('asks for an email address and a password', () => {
    expect(validateCredentials('sign-in', 'ann', '')).toEqual({
      ok: false,
      errors: {
        email: 'Enter an email address, like name@example.com.',
        password: 'Enter your password.',
      },
    });
  });
});
