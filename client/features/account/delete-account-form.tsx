// Delete my account: the password, and DELETE typed out, because this cannot be undone
// and removes the account's data from the server. This device keeps its copy as a
// guest device's data, and the page says so.
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { deleteAccount } from '../../auth/account-actions';
import { useAuthClient } from '../../auth/use-auth';
import { FormField } from '../../ui/form-field';
import { failureMessage } from './auth-messages';
import { passwordError } from './validate';

export const CONFIRM_WORD = 'DELETE';

export function DeleteAccountForm({ onDeleted }: { onDeleted: (message: string) => void }) {
  const client = useAuthClient();
  const [password, setPassword] = useState('');
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<{ password?: string; typed?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordInput = useRef<HTMLInputElement>(null);
  const typedInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const missing = passwordError(password);
    const unconfirmed = typed.trim() === CONFIRM_WORD ? null : `Type ${CONFIRM_WORD} to confirm.`;
    setErrors({
      ...(missing && { password: missing }),
      ...(unconfirmed && { typed: unconfirmed }),
    });
    if (missing || unconfirmed) {
      (missing ? passwordInput : typedInput).current?.focus();
      return;
    }
    setBusy(true);
    const result = await deleteAccount(client, { password });
    setBusy(false);
    if (!result.ok) return setFormError(failureMessage(result.failure, 'delete'));
    onDeleted(
      'Your account and its data on the server were deleted. Everything on this device stays here, and you can keep using it without an account.',
    );
  };

  return (
    <section className="account-section account-danger" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete my account</h2>
      <p>
        This deletes your account and everything it holds on the sync server, and signs out every
        device. It cannot be undone. The data on this device stays.
      </p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FormField
          ref={passwordInput}
          label="Password"
          type="password"
          name="delete-password"
          autoComplete="current-password"
          value={password}
          error={errors.password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <FormField
          ref={typedInput}
          label={`Type ${CONFIRM_WORD} to confirm`}
          type="text"
          name="confirm-delete"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={typed}
          error={errors.typed}
          onChange={(event) => setTyped(event.target.value)}
        />
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        <button type="submit" className="button button-danger" disabled={busy} aria-busy={busy}>
          Delete my account
        </button>
      </form>
    </section>
  );
}
