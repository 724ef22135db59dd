// What the account page says when a request fails, one sentence per server error code
// of docs/api.md (shared/errors.ts) and for "no answer at all". Pure, so every message is
// tested; the page shows them in a role="alert" region.
import type { ApiFailure } from '../../auth/http';

/** What the user was doing: a wrong password means something different in each. */
export type AuthAction = 'sign-in' | 'sign-up' | 'password' | 'delete' | 'other';

export const OFFLINE_MESSAGE =
  'You’re offline, or the server can’t be reached. Everything on this device still works; try again when you’re connected.';

/** "in 42 seconds", "in 2 minutes", "in a moment". */
export function formatWait(seconds: number | null): string {
  if (seconds === null || seconds <= 0) return 'in a moment';
  if (seconds < 90) return `in ${seconds} second${seconds === 1 ? '' : 's'}`;
  return `in ${Math.ceil(seconds / 60)} minutes`;
}

function wrongPassword(action: AuthAction): string {
  switch (action) {
    case 'sign-in':
      return 'That email and password don’t match an account. Check them and try again.';
    case 'password':
      return 'Your current password is not right.';
    case 'delete':
      return 'That password is not right, so the account was not deleted.';
    case 'sign-up':
    case 'other':
      return 'The server did not accept that password.';
  }
}

export function failureMessage(failure: ApiFailure, action: AuthAction): string {
  switch (failure.kind) {
    case 'offline':
      return OFFLINE_MESSAGE;
    case 'signed-out':
      return 'Your session has ended. Sign in again to do this.';
    case 'bad-response':
      return 'The server’s answer could not be read. Try again later.';
    case 'http':
      break;
  }
  switch (failure.code) {
    case 'invalid_credentials':
      return wrongPassword(action);
    case 'email_taken':
      return 'There is already an account with this email. Sign in instead.';
    case 'signup_disabled':
      return 'This server doesn’t accept new accounts. You can keep using PackYourBag on this device without one.';
    case 'account_disabled':
      return 'The server’s administrator has disabled this account. Your data stays on this device.';
    case 'rate_limited':
      return `Too many attempts. Try again ${formatWait(failure.retryAfter)}.`;
    case 'invalid_request':
      return `The server didn’t accept this: ${failure.message}`;
    case 'unauthenticated':
    case 'invalid_refresh':
    case 'refresh_reused':
      return 'Your session has ended. Sign in again to do this.';
    case 'payload_too_large':
      return 'That is too long.';
    default:
      return `Something went wrong on the server (error ${failure.status}). Try again later.`;
  }
}
