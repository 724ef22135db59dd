// The account commands of `npm run admin` (cli.ts): what a self-hoster does for a user
// who cannot do it themselves. Each change is written to the audit log as the server's
// own events are, naming the command, and ends sessions where the change must take
// effect at once (the server checks the session on every request).
import { uuidv7 } from 'uuidv7';
import type { AuthEvent } from '../auth/audit';
import { hashPassword, type ScryptParams } from '../auth/password';
import { REFRESH_IDLE_MS } from '../auth/sessions';
import type { UserRow } from '../auth/users';
import type { Storage, UserSummary } from '../storage/storage';

/** A problem the operator can act on (exit code 1, the message printed as is). */
export class AdminError extends Error {
  override name = 'AdminError';
}

export type { UserSummary };

export function createAccountAdmin(storage: Storage, now: () => number, scrypt: ScryptParams) {
  const { users, sessions, audit } = storage;
  const record = (event: AuthEvent, userId: string | null) =>
    audit.record({ event, at: now(), userId, ip: '', userAgent: undefined });
  const find = async (email: string): Promise<UserRow> => {
    const user = await users.byEmail(email);
    if (!user) throw new AdminError(`No account has the email ${email}.`);
    return user;
  };

  return {
    list: (): Promise<UserSummary[]> => users.summaries(now(), now() - REFRESH_IDLE_MS),

    async create(email: string, password: string): Promise<void> {
      const user: UserRow = {
        id: uuidv7(),
        email,
        password_hash: await hashPassword(password, scrypt),
        created_at: now(),
      };
      if (!(await users.insertNew(user))) throw new AdminError(`${email} already has an account.`);
      await record('admin_user_created', user.id);
    },

    /** Sets the password, ends every session and lifts a lockout. */
    async resetPassword(email: string, password: string): Promise<void> {
      const user = await find(email);
      const hash = await hashPassword(password, scrypt);
      await users.replacePassword(user.id, hash, now(), { clearLockout: true });
      await record('admin_password_reset', user.id);
    },

    /** No sign-in and no refresh until enabled; every session ends now. */
    async disable(email: string): Promise<void> {
      const user = await find(email);
      await users.disableEndingSessions(user.id, now());
      await record('admin_disabled', user.id);
    },

    async enable(email: string): Promise<void> {
      const user = await find(email);
      await users.setDisabled(user.id, null);
      await record('admin_enabled', user.id);
    },

    async revokeSessions(email: string): Promise<void> {
      const user = await find(email);
      await sessions.revokeAllOfUser(user.id, now());
      await record('admin_sessions_revoked', user.id);
    },

    /** The same erasure as the account page's deletion. */
    async remove(email: string): Promise<void> {
      const user = await find(email);
      await users.erase(user.id);
      await record('admin_user_deleted', null);
    },
  };
}
