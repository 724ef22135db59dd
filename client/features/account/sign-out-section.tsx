// Signing out. The device keeps its data by default and goes on as a guest device;
// removing this account's data is a separate, clearly labelled choice, confirmed first
// because changes not yet synced would be lost with it. "Sign out everywhere" ends
// every login of the account and needs the server; it is offered only while the
// session is valid.
import { useState } from 'react';
import { signOut, signOutEverywhere } from '../../auth/account-actions';
import { useAuthClient } from '../../auth/use-auth';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { failureMessage } from './auth-messages';

interface SignOutSectionProps {
  everywhere: boolean;
  onSignedOut: (message: string) => void;
}

type Scope = 'here' | 'everywhere';

export function SignOutSection({ everywhere, onSignedOut }: SignOutSectionProps) {
  const client = useAuthClient();
  const [removeData, setRemoveData] = useState(false);
  const [confirming, setConfirming] = useState<Scope | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (scope: Scope) => {
    setConfirming(null);
    setError(null);
    setBusy(true);
    const options = { removeData };
    const kept = removeData
      ? 'This account’s data was removed from this device.'
      : 'Your data stays on this device, which you can keep using without an account.';
    try {
      if (scope === 'everywhere') {
        const result = await signOutEverywhere(client, options);
        if (!result.ok) return setError(failureMessage(result.failure, 'other'));
        return onSignedOut(`Signed out on all devices. ${kept}`);
      }
      const { reachedServer } = await signOut(client, options);
      const unheard = reachedServer
        ? ''
        : ' The server couldn’t be reached; that sign-in expires there on its own.';
      onSignedOut(`Signed out. ${kept}${unheard}`);
    } catch (failure) {
      setError(`Signing out failed on this device: ${String(failure)}`);
    } finally {
      setBusy(false);
    }
  };
  const start = (scope: Scope) => (removeData ? setConfirming(scope) : void run(scope));

  return (
    <section className="account-section" aria-labelledby="sign-out-heading">
      <h2 id="sign-out-heading">Sign out</h2>
      <p>
        Signing out keeps your gear on this device, so you can go on using it without an account.
      </p>
      <label className="checkbox-option">
        <input
          type="checkbox"
          checked={removeData}
          onChange={(event) => setRemoveData(event.target.checked)}
        />
        Also remove this account’s data from this device
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => start('here')}>
          Sign out
        </button>
        {everywhere && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => start('everywhere')}
          >
            Sign out everywhere
          </button>
        )}
      </div>
      {everywhere && (
        <p className="field-hint">
          “Sign out everywhere” also ends your sign-ins on every other device.
        </p>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title="Remove this account’s data from this device?"
        confirmLabel="Sign out and remove"
        onConfirm={() => confirming && void run(confirming)}
        onCancel={() => setConfirming(null)}
      >
        <p>
          Your gear, lists, packs and trips are removed from this device. What was synced stays in
          your account; changes not synced yet are lost.
        </p>
      </ConfirmDialog>
    </section>
  );
}
