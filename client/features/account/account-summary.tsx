// Who is signed in on this device, since when, and whether the sync server can be
// reached right now. Offline is an ordinary state, said calmly: the app keeps working
// on this device's data and the session renews when the network returns.
import type { AccountUser, Network } from '../../auth/session-state';

export const NETWORK_TEXT: Readonly<Record<Network, string>> = {
  online: 'Connected',
  renewing: 'Connecting…',
  offline: 'Offline. Changes are saved on this device and sync when you’re back online.',
  unavailable: 'The server can’t be reached right now. Changes are saved on this device.',
};

/** A date in the user's words, e.g. "1 June 2026, 09:30" (their locale). */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}

export function AccountSummary({ user, network }: { user: AccountUser; network: Network }) {
  return (
    <section className="account-section panel" aria-labelledby="account-summary-heading">
      <h2 id="account-summary-heading">Your account</h2>
      <dl className="account-facts">
        <div>
          <dt>Email</dt>
          <dd className="account-email">{user.email}</dd>
        </div>
        <div>
          <dt>Signed in on this device since</dt>
          <dd>{formatWhen(user.signedInAt)}</dd>
        </div>
        {user.createdAt && (
          <div>
            <dt>Account created</dt>
            <dd>{formatWhen(user.createdAt)}</dd>
          </div>
        )}
        <div>
          <dt>Sync server</dt>
          <dd>{NETWORK_TEXT[network]}</dd>
        </div>
      </dl>
    </section>
  );
}
