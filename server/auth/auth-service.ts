// The account and session rules of docs/api.md's Auth section, with storage and
// crypto behind small modules. Routes (routes.ts) only translate HTTP to these
// calls; every error is an ApiError the app's error handler answers with.
import { uuidv7 } from 'uuidv7';
import { ACCESS_TOKEN_TTL_S } from '../../shared/auth-api';
import type { Clock } from '../clock';
import { issuer, type Config } from '../config';
import { ApiError } from '../http/api-error';
import { signAccessToken } from './access-token';
import type { AuthEvent } from './audit';
import type { KeyRing } from './keys';
import {
  dummyHash,
  hashPassword,
  PRODUCTION_SCRYPT,
  verifyPassword,
  type ScryptParams,
} from './password';
import { hashRefreshToken, looksLikeRefreshToken, newRefreshToken } from './refresh-token';
import { REFRESH_IDLE_MS, type SessionRow } from './sessions';
import { publicUser, type UserRow } from './users';
import type { Storage } from '../storage/storage';

/** Who is asking, for the audit log. */
export interface Requester {
  ip: string;
  userAgent: string | undefined;
}

/** A new or renewed session: the JSON body plus the cookie to set. */
export interface IssuedSession {
  body: { user: ReturnType<typeof publicUser>; accessToken: string; expiresIn: number };
  refreshToken: string;
  /** Seconds the refresh token stays usable if not used (the cookie's Max-Age). */
  refreshMaxAge: number;
}

export interface AuthServiceDeps {
  storage: Storage;
  clock: Clock;
  keys: KeyRing;
  config: Pick<Config, 'publicUrl' | 'allowSignup'>;
  /** Password hashing cost; production parameters unless a test lowers them. */
  scrypt?: ScryptParams;
}

const badCredentials = () =>
  new ApiError('invalid_credentials', 'The email or password is not correct.');
const accountDisabled = () =>
  new ApiError('account_disabled', 'This account is disabled; ask the server’s administrator.');

export function createAuthService(deps: AuthServiceDeps, onEvent?: (event: AuthEvent) => void) {
  const { storage, clock } = deps;
  const { users, sessions, lockout, audit } = storage;
  const scrypt = deps.scrypt ?? PRODUCTION_SCRYPT;
  // Read once per process (it never changes after the first migration), on the first
  // refresh; a failed read is not kept, so a database blip does not outlive itself.
  let refreshSecret: Promise<Buffer> | undefined;
  let dummy: Promise<string> | undefined;

  /** The user a refresh token was issued to, if the token is known. */
  const ownerOf = async (token: string): Promise<UserRow | undefined> => {
    const row = looksLikeRefreshToken(token)
      ? await sessions.token(hashRefreshToken(token))
      : undefined;
    const session = row && (await sessions.session(row.session_id));
    return session && users.byId(session.user_id);
  };

  const record = async (event: AuthEvent, userId: string | null, who: Requester) => {
    await audit.record({ event, at: clock.now(), userId, ip: who.ip, userAgent: who.userAgent });
    onEvent?.(event);
  };

  async function issue(user: UserRow, session: SessionRow, refreshToken: string) {
    const now = clock.now();
    const accessToken = await signAccessToken(
      { keys: deps.keys, issuer: issuer(deps.config), now },
      { userId: user.id, sessionId: session.id },
    );
    const end = Math.min(session.last_refresh_at + REFRESH_IDLE_MS, session.expires_at);
    return {
      body: { user: publicUser(user), accessToken, expiresIn: ACCESS_TOKEN_TTL_S },
      refreshToken,
      refreshMaxAge: Math.max(0, Math.floor((end - now) / 1000)),
    } satisfies IssuedSession;
  }

  async function startSession(user: UserRow): Promise<IssuedSession> {
    const token = newRefreshToken();
    const session = await sessions.create({
      id: uuidv7(),
      userId: user.id,
      now: clock.now(),
      tokenHash: hashRefreshToken(token),
    });
    return issue(user, session, token);
  }

  /**
   * Checks a password. An unknown or locked user still pays for one hash, so
   * the answer time tells nothing; a wrong password counts towards the lockout.
   */
  async function passwordMatches(
    user: UserRow | undefined,
    password: string,
    who: Requester,
  ): Promise<boolean> {
    const locked = user !== undefined && (await lockout.isLocked(user.id, clock.now()));
    if (!user || locked) {
      dummy ??= dummyHash(scrypt);
      await verifyPassword(password, await dummy, scrypt);
      return false;
    }
    const result = await verifyPassword(password, user.password_hash, scrypt);
    if (!result.ok) {
      if (await lockout.recordFailure(user.id, clock.now())) {
        await record('account_locked', user.id, who);
      }
      return false;
    }
    // Checked again after the hash: guesses sent all at once passed the first check
    // together, and one that is right must not win once the others locked the account.
    if (await lockout.isLocked(user.id, clock.now())) return false;
    if (result.needsRehash) {
      await users.setPasswordHash(user.id, await hashPassword(password, scrypt));
    }
    return true;
  }

  return {
    users,
    sessions,
    record,

    async register(email: string, password: string, who: Requester): Promise<IssuedSession> {
      if (!deps.config.allowSignup) {
        throw new ApiError('signup_disabled', 'This server does not accept new accounts.');
      }
      if (await users.byEmail(email)) {
        throw new ApiError('email_taken', 'That email has an account.');
      }
      const hash = await hashPassword(password, scrypt);
      const now = clock.now();
      const user: UserRow = { id: uuidv7(), email, password_hash: hash, created_at: now };
      // Checked again: two registrations may race past the check above.
      if (!(await users.insertNew(user))) {
        throw new ApiError('email_taken', 'That email has an account.');
      }
      await users.touchLogin(user.id, now);
      await record('register', user.id, who);
      return startSession(user);
    },

    /** `email` arrives trimmed and lower-cased by loginSchema (shared/auth-api.ts). */
    async login(email: string, password: string, who: Requester): Promise<IssuedSession> {
      const user = await users.byEmail(email);
      if (!(await passwordMatches(user, password, who)) || !user) {
        await record('login_failed', user?.id ?? null, who);
        throw badCredentials();
      }
      await lockout.clear(user.id);
      // Only after the password: a wrong one tells nothing about the account's state.
      if (user.disabled_at) {
        await record('login_disabled', user.id, who);
        throw accountDisabled();
      }
      await users.touchLogin(user.id, clock.now());
      await record('login_ok', user.id, who);
      return startSession(user);
    },

    async refresh(token: string | undefined, who: Requester): Promise<IssuedSession> {
      refreshSecret ??= storage.refreshSecret().catch((error: unknown) => {
        refreshSecret = undefined;
        throw error;
      });
      const outcome = await sessions.rotate(token, await refreshSecret, clock.now());
      if (outcome.kind === 'reused') {
        await record('refresh_reused', outcome.userId, who);
        throw new ApiError('refresh_reused', 'This sign-in was used elsewhere; sign in again.');
      }
      if (outcome.kind === 'invalid') {
        // Disabling ends the sessions; the answer says why, so the app can tell the user.
        if (token && (await ownerOf(token))?.disabled_at) throw accountDisabled();
        throw new ApiError('invalid_refresh', 'The session has ended; sign in again.');
      }
      const user = await users.byId(outcome.session.user_id);
      if (!user) throw new ApiError('invalid_refresh', 'The session has ended; sign in again.');
      if (user.disabled_at) throw accountDisabled();
      return issue(user, outcome.session, outcome.token);
    },

    /** Ends the family of this refresh token; unknown tokens are fine (already logged out). */
    async logout(token: string | undefined, who: Requester): Promise<void> {
      const row = token ? await sessions.token(hashRefreshToken(token)) : undefined;
      const session = row && (await sessions.session(row.session_id));
      if (!session) return;
      await sessions.revoke(session.id, clock.now());
      await record('logout', session.user_id, who);
    },

    async logoutAll(userId: string, who: Requester): Promise<void> {
      await sessions.revokeAllOfUser(userId, clock.now());
      await record('logout_all', userId, who);
    },

    async changePassword(
      userId: string,
      current: string,
      next: string,
      who: Requester,
    ): Promise<IssuedSession> {
      const user = await users.byId(userId);
      if (!user || !(await passwordMatches(user, current, who))) throw badCredentials();
      const hash = await hashPassword(next, scrypt);
      await users.replacePassword(user.id, hash, clock.now());
      await record('password_changed', user.id, who);
      return startSession({ ...user, password_hash: hash });
    },

    /** Erases the user and all their data in one transaction (UserStorage.erase). */
    async deleteAccount(userId: string, password: string, who: Requester): Promise<void> {
      const user = await users.byId(userId);
      if (!user || !(await passwordMatches(user, password, who))) throw badCredentials();
      await users.erase(user.id);
      await record('account_deleted', null, who);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
