// Sign in or create an account: two tabs over one form, so the email typed in one is
// still there in the other. Native inputs with the autocomplete tokens password
// managers look for; input is checked with the shared schemas before it is sent, and
// a refusal is explained from the server's error code (auth-messages.ts). Once the
// server says yes, auth/sign-in.ts decides what happens to this device's data, asking
// through LocalDataDialog when it must.
import { useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { completeSignIn, type LocalDataAnswer, type LocalDataQuestion } from '../../auth/sign-in';
import { useAuthClient } from '../../auth/use-auth';
import { FormField } from '../../ui/form-field';
import { failureMessage } from './auth-messages';
import { LocalDataDialog } from './local-data-dialog';
import { useQuestion } from './use-question';
import { validateCredentials, type FieldErrors, type Mode } from './validate';

const TABS: readonly { mode: Mode; label: string }[] = [
  { mode: 'sign-in', label: 'Sign in' },
  { mode: 'sign-up', label: 'Create account' },
];

interface AuthFormsProps {
  initialEmail?: string;
  /** Reports a finished sign-in, for the page's status line. */
  onSignedIn: (message: string) => void;
}

export function AuthForms({ initialEmail = '', onSignedIn }: AuthFormsProps) {
  const client = useAuthClient();
  const id = useId();
  const [mode, setMode] = useState<Mode>('sign-in');
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const { question, ask, answer } = useQuestion<LocalDataQuestion, LocalDataAnswer>();

  const choose = (next: Mode) => {
    setMode(next);
    setErrors({});
    setFormError(null);
    setNote(null);
  };
  // Arrow keys move between the tabs (WAI-ARIA tabs pattern, automatic activation).
  const onTabKey = (event: KeyboardEvent, index: number) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const next = (index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length;
    const tab = TABS[next];
    if (!tab) return;
    event.preventDefault();
    choose(tab.mode);
    tabs.current[next]?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setNote(null);
    const checked = validateCredentials(mode, email, password);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) {
      (checked.errors.email ? emailInput : passwordInput).current?.focus();
      return;
    }
    setBusy(true);
    try {
      const { api } = client;
      const creds = checked.credentials;
      const result = mode === 'sign-in' ? await api.login(creds) : await api.register(creds);
      if (!result.ok) return setFormError(failureMessage(result.failure, mode));
      const outcome = await completeSignIn(client, result.value, ask);
      if (outcome === 'cancelled')
        return setNote('Sign-in cancelled. Nothing on this device changed.');
      const verb = mode === 'sign-in' ? 'Signed in' : 'Account created; signed in';
      onSignedIn(`${verb} as ${result.value.user.email}.`);
    } catch (failure) {
      setFormError(`Signing in failed on this device: ${String(failure)}`);
    } finally {
      setBusy(false);
    }
  };

  const submitLabel = mode === 'sign-in' ? 'Sign in' : 'Create account';
  return (
    <section className="auth-forms panel">
      <div className="auth-tabs" role="tablist" aria-label="Sign in or create an account">
        {TABS.map((tab, index) => (
          <button
            key={tab.mode}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${id}-${tab.mode}`}
            aria-selected={mode === tab.mode}
            aria-controls={`${id}-panel`}
            tabIndex={mode === tab.mode ? 0 : -1}
            onClick={() => choose(tab.mode)}
            onKeyDown={(event) => onTabKey(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-${mode}`}>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <FormField
            ref={emailInput}
            label="Email"
            type="email"
            name="email"
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            value={email}
            error={errors.email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <FormField
            ref={passwordInput}
            key={mode}
            label="Password"
            type="password"
            name="password"
            autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
            hint={mode === 'sign-up' ? 'At least 8 characters.' : undefined}
            value={password}
            error={errors.password}
            onChange={(event) => setPassword(event.target.value)}
          />
          {formError && (
            <p className="form-error" role="alert">
              {formError}
            </p>
          )}
          {note && <p role="status">{note}</p>}
          <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
            {busy ? `${submitLabel}…` : submitLabel}
          </button>
        </form>
      </div>
      <LocalDataDialog question={question} onAnswer={answer} />
    </section>
  );
}
