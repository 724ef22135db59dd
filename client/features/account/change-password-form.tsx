// Change password: the current one and a new one. The server ends every login of the
// account, this one included, and answers a new session, which this device adopts
// (auth/account-actions.ts), so the user stays signed in here and only other devices
// must sign in again. A hidden username field lets password managers file the new
// password under the right account.
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { changePassword } from '../../auth/account-actions';
import { useAuthClient } from '../../auth/use-auth';
import { FormField } from '../../ui/form-field';
import { failureMessage } from './auth-messages';
import { newPasswordError, passwordError } from './validate';

export function ChangePasswordForm({ email }: { email: string }) {
  const client = useAuthClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const currentInput = useRef<HTMLInputElement>(null);
  const nextInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setDone(null);
    const found = { current: passwordError(current), next: newPasswordError(next) };
    setErrors({
      ...(found.current && { current: found.current }),
      ...(found.next && { next: found.next }),
    });
    if (found.current || found.next) {
      (found.current ? currentInput : nextInput).current?.focus();
      return;
    }
    setBusy(true);
    const result = await changePassword(client, { currentPassword: current, newPassword: next });
    setBusy(false);
    if (!result.ok) return setFormError(failureMessage(result.failure, 'password'));
    setCurrent('');
    setNext('');
    setDone('Password changed. You stay signed in here; your other devices need to sign in again.');
  };

  return (
    <section className="account-section" aria-labelledby="password-heading">
      <h2 id="password-heading">Change password</h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <FormField
          ref={currentInput}
          label="Current password"
          type="password"
          name="current-password"
          autoComplete="current-password"
          value={current}
          error={errors.current}
          onChange={(event) => setCurrent(event.target.value)}
        />
        <FormField
          ref={nextInput}
          label="New password"
          type="password"
          name="new-password"
          autoComplete="new-password"
          hint="At least 8 characters."
          value={next}
          error={errors.next}
          onChange={(event) => setNext(event.target.value)}
        />
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        <p role="status" className="account-done">
          {done}
        </p>
        <button type="submit" className="button" disabled={busy} aria-busy={busy}>
          Change password
        </button>
      </form>
    </section>
  );
}
