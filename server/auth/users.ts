// A user account as stored, and as docs/api.md shows it. Emails arrive already
// trimmed and lower-cased (shared/auth-api.ts), so the stores' unique index compares
// them case-insensitively.
export interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  created_at: number;
  /** Set by `admin disable`: no sign-in and no refresh until `admin enable`. */
  disabled_at?: number | null;
  last_login_at?: number | null;
}

/** The user as docs/api.md shows it. */
export function publicUser(user: UserRow) {
  return { id: user.id, email: user.email, createdAt: new Date(user.created_at).toISOString() };
}
