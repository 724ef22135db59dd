// Checks the account forms before anything is sent, with the same shared schemas the
// server uses (shared/auth-api.ts), so the user gets a message at once and the server
// sees only input it will accept. The email comes back trimmed and lower-cased.
import {
  EMAIL_MAX_LENGTH,
  emailSchema,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type Credentials,
} from '../../../shared/auth-api';

export type FieldErrors = Partial<Record<'email' | 'password', string>>;
export type Mode = 'sign-in' | 'sign-up';

/** A new password's problem, or null when it is fine. */
export function newPasswordError(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH)
    return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  return null;
}

/** A password being checked (sign-in, current password): present and not absurdly long. */
export function passwordError(password: string): string | null {
  if (password.length === 0) return 'Enter your password.';
  if (password.length > PASSWORD_MAX_LENGTH)
    return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  return null;
}

function emailError(email: string): string | null {
  if (email.trim().length > EMAIL_MAX_LENGTH) return 'That email address is too long.';
  return emailSchema.safeParse(email).success
    ? null
    : 'Enter an email address, like name@example.com.';
}

export function validateCredentials(
  mode: Mode,
  email: string,
  password: string,
): { ok: true; credentials: Credentials } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const emailProblem = emailError(email);
  const passwordProblem = mode === 'sign-up' ? newPasswordError(password) : passwordError(password);
  if (emailProblem) errors.email = emailProblem;
  if (passwordProblem) errors.password = passwordProblem;
  if (emailProblem || passwordProblem) return { ok: false, errors };
  return { ok: true, credentials: { email: emailSchema.parse(email), password } };
}
