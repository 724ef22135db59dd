// The users table on SQLite behind one narrow interface. Deleting a user cascades to
// sessions, refresh tokens, lockout counters and sync state (foreign keys are on, see
// db/open.ts); the cells have no foreign key and are erased by the caller in the same
// transaction (accounts.ts).
import type { UserRow } from '../../auth/users';
import type { Db } from '../../db/open';

export function createUserStore(db: Db) {
  const insert = db.prepare<[string, string, string, number]>(
    'INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)',
  );
  const byEmail = db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?');
  const byId = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?');
  const setHash = db.prepare<[string, string]>('UPDATE users SET password_hash = ? WHERE id = ?');
  const remove = db.prepare<[string]>('DELETE FROM users WHERE id = ?');
  const setDisabled = db.prepare<[number | null, string]>(
    'UPDATE users SET disabled_at = ? WHERE id = ?',
  );
  const touchLogin = db.prepare<[number, string]>(
    'UPDATE users SET last_login_at = ? WHERE id = ?',
  );
  return {
    /** False when the email is taken. */
    insert(user: UserRow): boolean {
      const result = insert.run(user.id, user.email, user.password_hash, user.created_at);
      return result.changes === 1;
    },
    byEmail: (email: string) => byEmail.get(email),
    byId: (id: string) => byId.get(id),
    setPasswordHash: (id: string, hash: string) => void setHash.run(hash, id),
    remove: (id: string) => void remove.run(id),
    /** `at` null enables the account again. */
    setDisabled: (id: string, at: number | null) => void setDisabled.run(at, id),
    touchLogin: (id: string, at: number) => void touchLogin.run(at, id),
  };
}

export type UserStore = ReturnType<typeof createUserStore>;
