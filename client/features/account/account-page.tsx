// /account: sign up or sign in, and once signed in the account's details, sign out
// (here or everywhere), change password, export and delete. Which view shows follows
// the session state (auth/session-state.ts), so signing in or out in another tab
// switches it here too. One status line stays mounted above the views, so what just
// happened ("Signed out…") is announced even though the view that did it is gone.
import { useState } from 'react';
import type { AccountUser, Network, SignInReason } from '../../auth/session-state';
import { useAuthState } from '../../auth/use-auth';
import { Page } from '../../ui/page';
import { Skeleton } from '../../ui/skeleton';
import { AccountSummary } from './account-summary';
import { AuthForms } from './auth-forms';
import { ChangePasswordForm } from './change-password-form';
import { DeleteAccountForm } from './delete-account-form';
import { ExportData } from './export-data';
import { SignOutSection } from './sign-out-section';
import './account.css';

export const REASON_TEXT: Readonly<Record<SignInReason, string>> = {
  'session-ended': 'Your session has ended: it expired, or you signed out on another device.',
  'session-reused':
    'For your safety the server ended your session: its sign-in was used twice, which can mean someone else had a copy.',
  'account-disabled':
    'The server’s administrator has disabled this account. Your data stays on this device.',
  rejected: 'The server no longer accepts this session.',
};

export function AccountPage() {
  const state = useAuthState();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Page title="Account">
      <p role="status" className="account-message">
        {message}
      </p>
      {state.status === 'starting' && <Skeleton rows={3} label="Loading your account" />}
      {state.status === 'signed-out' && <SignedOut onDone={setMessage} />}
      {state.status === 'sign-in-required' && (
        <SignInAgain user={state.user} reason={state.reason} onDone={setMessage} />
      )}
      {state.status === 'signed-in' && (
        <SignedIn user={state.user} network={state.network} onDone={setMessage} />
      )}
    </Page>
  );
}

type Done = (message: string) => void;

function SignedOut({ onDone }: { onDone: Done }) {
  return (
    <>
      <p>
        You don’t need an account: PackYourBag works fully on this device. An account syncs your
        gear, lists, packs and trips between your devices through your sync server.
      </p>
      <AuthForms onSignedIn={onDone} />
    </>
  );
}

function SignInAgain({
  user,
  reason,
  onDone,
}: {
  user: AccountUser;
  reason: SignInReason;
  onDone: Done;
}) {
  return (
    <>
      <section className="account-section panel account-warning" aria-labelledby="again-heading">
        <h2 id="again-heading">Sign in again</h2>
        <p>{REASON_TEXT[reason]}</p>
        <p>
          Everything on this device stays, including changes not synced yet. They sync once you sign
          in again as {user.email}.
        </p>
      </section>
      <AuthForms initialEmail={user.email} onSignedIn={onDone} />
      <SignOutSection everywhere={false} onSignedOut={onDone} />
    </>
  );
}

function SignedIn({
  user,
  network,
  onDone,
}: {
  user: AccountUser;
  network: Network;
  onDone: Done;
}) {
  return (
    <>
      <AccountSummary user={user} network={network} />
      <SignOutSection everywhere onSignedOut={onDone} />
      <ChangePasswordForm email={user.email} />
      <ExportData />
      <DeleteAccountForm onDeleted={onDone} />
    </>
  );
}
