// The account in the shell: the app bar's account link says who is signed in ("Sign
// in" for a guest, the email once signed in), and a notice under the bar appears when
// the session needs the user to sign in again. Being offline is the sync status line's
// to say (sync-status.tsx), so it is said once.
import { Link } from 'wouter';
import type { AuthState } from '../../auth/session-state';
import type { NavLink } from '../../ui/site-header';

export const ACCOUNT_PATH = '/account';

export function accountNavLink(state: AuthState): NavLink {
  switch (state.status) {
    case 'starting':
      return { href: ACCOUNT_PATH, label: 'Account' };
    case 'signed-out':
      return { href: ACCOUNT_PATH, label: 'Sign in' };
    case 'signed-in':
      return { href: ACCOUNT_PATH, label: state.user.email };
    case 'sign-in-required':
      return { href: ACCOUNT_PATH, label: 'Sign in again' };
  }
}

export function AccountNotice({ state, currentPath }: { state: AuthState; currentPath: string }) {
  // The account page explains the same at length.
  const here = currentPath === ACCOUNT_PATH;
  return (
    <div className="account-notice-slot" role="status">
      {state.status === 'sign-in-required' && !here && (
        <p className="account-notice account-notice-warning">
          Your session has ended; your data on this device is safe.{' '}
          <Link href={ACCOUNT_PATH}>Sign in again</Link> to keep syncing.
        </p>
      )}
    </div>
  );
}
