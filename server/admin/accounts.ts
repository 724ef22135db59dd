// The account commands of `npm run admin` (cli.ts): what a self-hoster does for a user
// who cannot do it themselves. Each change is written to the audit log as the server's
// own events are, naming the command, and ends sessions where the change must take
// effect at once (the server checks the session on every request).
import { uuidv7 } from 'uuidv7';
import { eraseAccount, insertNewUser } from '../auth/accounts';
import { createAuditLog, type AuthEvent } from '../auth/audit';
import { createLockout } from '../auth/lockout';
import { hashPassword, type ScryptParams } from '../auth/password';
import { createSessionStore, REFRESH_IDLE_MS } from '../auth/sessions';
import { createUserStore, type UserRow } from '../auth/users';
import type { Db } from '../db/open';

/** A problem the operator can act on (exit code 1, the message printed as is). */
export class AdminError extends Error {
  override name = 'AdminError';
}

export interface UserSummary {
  email: string;
  createdAt: number;
  lastLoginAt: number | null;
  liveSessions: number;
  cells: number;
  disabledAt: number | null;
}

export function createAccountAdmin(db: Db, now: () => number, scrypt: ScryptParams) {
  const users = createUserStore(db);
  const sessions = createSessionStore(db);
  const audit = createAuditLog(db);
  const lockout = createLockout(db);
  const record = (event: AuthEvent, userId: string | null) =>
    audit.record({ event, at: now(), userId, ip: '', userAgent: undefined });
  const find = (email: string): UserRow => {
    const user = users.byEmail(email);
    if (!user) throw new AdminError(`No account has the email ${email}.`);
    return user;
  };
  const summaries = db.prepare<[{ now: number; idleSince: number }], UserSummary>(
    `SELECT u.email, u.created_at AS createdAt, u.last_login_at AS lastLoginAt,
       (SELECT count(*) FROM sessions s WHERE s.user_id = u.id AND s.revoked_at IS NULL
          AND s.expires_at > @now AND s.last_refresh_at > @idleSince) AS liveSessions,
       (SELECT count(*) FROM cells c WHERE c.user_id = u.id) AS cells,
       u.disabled_at AS disabledAt
     FROM users u ORDER BY u.email`,
  );

  return {
    list: (): UserSummary[] => summaries.all({ now: now(), idleSince: now() - REFRESH_IDLE_MS }),

    async create(email: string, password: string): Promise<void> {
      const user: UserRow = {
        id: uuidv7(),
        email,
        password_hash: await hashPassword(password, scrypt),
        created_at: now(),
      };
      if (!insertNewUser(db, users, user)) throw new AdminError(`${email} already has an account.`);
      record('admin_user_created', user.id);
    },

    /** Sets the password, ends every session and lifts a lockout. */
    async resetPassword(email: string, password: string): Promise<void> {
      const user = find(email);
      const hash = await hashPassword(password, scrypt);
      db.transaction(() => {
        users.setPasswordHash(user.id, hash);
        sessions.revokeAllOfUser(user.id, now());
        lockout.clear(user.id);
      })();
      record('admin_password_reset', user.id);
    },

    /** No sign-in and no refresh until enabled; every session ends now. */
    disable(email: string): void {
      const user = find(email);
      db.transaction(() => {
        users.setDisabled(user.id, now());
        sessions.revokeAllOfUser(user.id, now());
      })();
      record('admin_disabled', user.id);
    },

    enable(email: string): void {
      const user = find(email);
      users.setDisabled(user.id, null);
      record('admin_enabled', user.id);
    },

    revokeSessions(email: string): void {
      const user = find(email);
      sessions.revokeAllOfUser(user.id, now());
      record('admin_sessions_revoked', user.id);
    },

    /** The same erasure as the account page's deletion. */
    remove(email: string): void {
      const user = find(email);
      eraseAccount(db, users, user.id);
      record('admin_user_deleted', null);
    },
  };
}
