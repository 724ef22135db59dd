// The server's one storage interface, with two engines behind it: SQLite in
// PYB_DATA_DIR (the default: nothing to install or run) and PostgreSQL at
// PYB_DATABASE_URL (several instances on one database, docs/scaling.md).
//
// Every method is one whole operation, so each engine keeps its own atomicity:
// SQLite runs an operation as one synchronous transaction (nothing interleaves in
// one process), PostgreSQL as one transaction that locks the rows it decides on
// (a user's sync_state row for a push, a refresh token's row for a rotation), so
// two instances given the same request at the same moment still follow the rules.
// Nothing outside server/storage/ and the SQLite modules it wraps writes SQL.
import type { Store } from 'hono-rate-limiter';
import type { ExportedTables } from '../account/export';
import type { AuditEntry } from '../auth/audit';
import type { RotationOutcome } from '../auth/refresh-rotation';
import type { SessionRow, TokenRow } from '../auth/sessions';
import type { UserRow } from '../auth/users';
import type { Lineage } from '../sync/cursor';
import type { SyncInput, SyncOutput } from '../sync/sync-service';
import { type SyncState } from '../sync/cells';

export type StorageEngine = 'sqlite' | 'postgres';

export interface UserStorage {
  /** False when the email is taken (the unique index decides races). */
  insertNew(user: UserRow): Promise<boolean>;
  byEmail(email: string): Promise<UserRow | undefined>;
  byId(id: string): Promise<UserRow | undefined>;
  setPasswordHash(id: string, hash: string): Promise<void>;
  touchLogin(id: string, at: number): Promise<void>;
  /** `at` null enables the account again. */
  setDisabled(id: string, at: number | null): Promise<void>;
  /**
   * Sets a new password hash and revokes every session of the user, in one transaction;
   * `clearLockout` also lifts a lockout (the admin's reset).
   */
  replacePassword(
    id: string,
    hash: string,
    now: number,
    options?: { clearLockout?: boolean },
  ): Promise<void>;
  /** Disables the account and revokes every session, in one transaction. */
  disableEndingSessions(id: string, now: number): Promise<void>;
  /**
   * Erases the user in one transaction: their cells and tombstones, the user row and by
   * cascade sessions, tokens, lockout counter and sync state; the audit log keeps its
   * entries, unlinked from the person.
   */
  erase(id: string): Promise<void>;
  /** Every account, by email, for `admin list`. */
  summaries(now: number, idleSince: number): Promise<UserSummary[]>;
}

export interface UserSummary {
  email: string;
  createdAt: number;
  lastLoginAt: number | null;
  liveSessions: number;
  cells: number;
  disabledAt: number | null;
}

export interface SessionStorage {
  /** A new session with its first refresh token; returns the stored row. */
  create(session: {
    id: string;
    userId: string;
    now: number;
    tokenHash: Buffer;
  }): Promise<SessionRow>;
  token(hash: Buffer): Promise<TokenRow | undefined>;
  session(id: string): Promise<SessionRow | undefined>;
  revoke(sessionId: string, now: number): Promise<void>;
  revokeAllOfUser(userId: string, now: number): Promise<void>;
  /** Is this session unrevoked, unexpired and the user's? Checked on every request. */
  isLive(sessionId: string, userId: string, now: number): Promise<boolean>;
  /**
   * One refresh, decided and applied atomically (auth/refresh-rotation.ts has the rules):
   * two instances given the same token at once see one rotation and one grace answer.
   */
  rotate(token: string | undefined, secret: Buffer, now: number): Promise<RotationOutcome>;
  /** Drops sessions (and their tokens) that ended before `before`; returns how many. */
  purgeEnded(before: number): Promise<number>;
}

export interface LockoutStorage {
  isLocked(userId: string, now: number): Promise<boolean>;
  /**
   * Counts a failure (atomically: failures arriving at several instances at once all
   * count). True when this failure is the one that locked the account.
   */
  recordFailure(userId: string, now: number): Promise<boolean>;
  clear(userId: string): Promise<void>;
}

export interface AuditStorage {
  record(entry: AuditEntry): Promise<void>;
  /** Deletes entries older than the retention period; returns how many. */
  purge(now: number): Promise<number>;
}

export interface SyncStorage {
  /** The user's sequence and purge state (zeros before their first push). */
  state(userId: string): Promise<SyncState>;
  /** The database's history, for judging cursors (sync/cursor.ts). */
  lineage(): Promise<Lineage>;
  /** One round trip (sync/sync-service.ts): push and page in one transaction. */
  sync(input: SyncInput): Promise<SyncOutput>;
  /** Purges rows deleted before the horizon, raising purge horizons; returns how many. */
  purgeTombstones(horizonMillis: number): Promise<number>;
  /** Every row of the user, from one consistent snapshot (account export). */
  exportTables(userId: string): Promise<ExportedTables>;
}

/** A signing key as stored: PKCS#8 PEM, named by its creation time (auth/keys.ts). */
export interface StoredKey {
  name: string;
  pem: string;
}

export interface KeyStorage {
  /** Where the keys live, as a prefix of a key's name in messages (a folder, a table). */
  readonly where: string;
  /** Every stored key, any order. */
  list(): Promise<StoredKey[]>;
  /** Stores a new key (key rotation). */
  add(key: StoredKey): Promise<void>;
  /**
   * Stores `key` only if no key is stored yet, atomically: of several instances starting
   * on an empty database at once, one key wins and all of them sign with it.
   */
  addFirst(key: StoredKey): Promise<void>;
  /** Deletes a retired key, so its private half cannot leak from a later backup. */
  remove(name: string): Promise<void>;
}

export interface JobStorage {
  /**
   * Claims the periodic job `name` for this run: true for exactly one of the instances
   * asking within `everyMs` of the last claim, so a job runs once, not once per instance.
   */
  claim(name: string, now: number, everyMs: number): Promise<boolean>;
}

export interface Storage {
  readonly engine: StorageEngine;
  /** Where the data is, for logs: a file path, or the database URL without its password. */
  readonly location: string;
  readonly users: UserStorage;
  readonly sessions: SessionStorage;
  readonly lockout: LockoutStorage;
  readonly audit: AuditStorage;
  readonly sync: SyncStorage;
  readonly keys: KeyStorage;
  readonly jobs: JobStorage;
  /** The secret refresh tokens' successors are derived with (auth/refresh-token.ts). */
  refreshSecret(): Promise<Buffer>;
  /**
   * A counter store for one rate limit (hono-rate-limiter). SQLite: in this process's
   * memory (one process owns the file). PostgreSQL: in the database, shared by every
   * instance, so a limit holds however requests are spread.
   */
  rateLimitStore(name: string): Store;
  /** Throws when the database does not answer (health checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
