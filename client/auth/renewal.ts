// What a refresh answer means for the session, as a value (session.ts acts on it):
//
//   200 for the same user        renewed: adopt the new token
//   200 for another user         sign-in: the cookie belongs to someone else now, and
//                                never resume sync under another `sub` ([L4] in shared/SPEC.md)
//   401 invalid_refresh          sign-in (session-ended): expired, revoked, signed out
//   401 refresh_reused           sign-in (session-reused): the server revoked the login
//   403 account_disabled         sign-in (account-disabled): an administrator disabled it
//   no answer                    retry-later, offline: keep the session and local data
//   429, 5xx, unreadable answer  retry-later, unavailable: the server is having trouble
import type { SessionResponse } from '../../shared/auth-api';
import type { ApiResult } from './http';
import type { SignInReason } from './session-state';

export type RenewalVerdict =
  | { kind: 'renewed'; session: SessionResponse }
  | { kind: 'sign-in'; reason: SignInReason }
  | { kind: 'retry-later'; network: 'offline' | 'unavailable' };

export function judgeRenewal(result: ApiResult<SessionResponse>, userId: string): RenewalVerdict {
  if (result.ok) {
    return result.value.user.id === userId
      ? { kind: 'renewed', session: result.value }
      : { kind: 'sign-in', reason: 'rejected' };
  }
  const { failure } = result;
  if (failure.kind === 'offline') return { kind: 'retry-later', network: 'offline' };
  if (failure.kind === 'http' && failure.code === 'account_disabled') {
    return { kind: 'sign-in', reason: 'account-disabled' };
  }
  if (failure.kind === 'http' && failure.status === 401) {
    const reason = failure.code === 'refresh_reused' ? 'session-reused' : 'session-ended';
    return { kind: 'sign-in', reason };
  }
  return { kind: 'retry-later', network: 'unavailable' };
}
