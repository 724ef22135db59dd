// The Storage interface (storage/storage.ts) on one SQLite file: the synchronous
// store modules, each operation one transaction where it writes more than one row.
// better-sqlite3 runs a transaction to its end before any other request's code, so
// check-then-write inside one is atomic without row locks.
import { MemoryStore } from 'hono-rate-limiter';
import { createLineageReader } from '../../db/lineage';
import { closeDatabase, databasePath, type Db } from '../../db/open';
import type { Storage, SyncStorage, UserSummary } from '../storage';
import { fileKeyStorage } from './key-files';
import { exportTables } from './export';
import { eraseAccount, insertNewUser } from './accounts';
import { createAuditLog } from './audit-log';
import { createLockout } from './lockout-store';
import { rotateRefreshToken } from './refresh-rotation';
import { createSessionStore } from './session-store';
import { createUserStore } from './user-store';
import { createCellStore } from './cell-store';
import { runSync } from './run-sync';
import { purgeTombstones } from './tombstone-purge';

/**
 * `checkpointOnClose: false` for a second process beside a running server (the admin
 * command): a checkpoint there would hold off the server's writers.
 */
/** The sync part of the storage on SQLite, on its own for tests that compare engines. */
export function createSqliteSyncStorage(db: Db): SyncStorage {
  const cells = createCellStore(db);
  const lineage = createLineageReader(db);
  return {
    state: async (userId) => cells.state(userId),
    lineage: async () => lineage(),
    sync: async (input) => runSync(db, cells, lineage, input),
    purgeTombstones: async (horizon) => purgeTombstones(db, horizon),
    // One read transaction, so the export is a consistent snapshot.
    exportTables: async (userId) => db.transaction(() => exportTables(db, userId))(),
  };
}

export function createSqliteStorage(
  db: Db,
  dataDir: string,
  options: { checkpointOnClose?: boolean } = {},
): Storage {
  const users = createUserStore(db);
  const sessions = createSessionStore(db);
  const lockout = createLockout(db);
  const audit = createAuditLog(db);
  const summaries = db.prepare<[{ now: number; idleSince: number }], UserSummary>(
    `SELECT u.email, u.created_at AS createdAt, u.last_login_at AS lastLoginAt,
       (SELECT count(*) FROM sessions s WHERE s.user_id = u.id AND s.revoked_at IS NULL
          AND s.expires_at > @now AND s.last_refresh_at > @idleSince) AS liveSessions,
       (SELECT count(*) FROM cells c WHERE c.user_id = u.id) AS cells,
       u.disabled_at AS disabledAt
     FROM users u ORDER BY u.email`,
  );
  const refreshSecret = db
    .prepare<[], string>("SELECT value FROM instance WHERE key = 'refresh_secret'")
    .pluck();
  const lastRuns = new Map<string, number>();

  return {
    engine: 'sqlite',
    location: databasePath(dataDir),
    users: {
      insertNew: async (user) => insertNewUser(db, users, user),
      byEmail: async (email) => users.byEmail(email),
      byId: async (id) => users.byId(id),
      setPasswordHash: async (id, hash) => users.setPasswordHash(id, hash),
      touchLogin: async (id, at) => users.touchLogin(id, at),
      setDisabled: async (id, at) => users.setDisabled(id, at),
      async replacePassword(id, hash, now, options) {
        db.transaction(() => {
          users.setPasswordHash(id, hash);
          sessions.revokeAllOfUser(id, now);
          if (options?.clearLockout) lockout.clear(id);
        })();
      },
      async disableEndingSessions(id, now) {
        db.transaction(() => {
          users.setDisabled(id, now);
          sessions.revokeAllOfUser(id, now);
        })();
      },
      erase: async (id) => eraseAccount(db, users, id),
      summaries: async (now, idleSince) => summaries.all({ now, idleSince }),
    },
    sessions: {
      async create(session) {
        sessions.create(session);
        const row = sessions.session(session.id);
        if (!row) throw new Error('session vanished right after insert');
        return row;
      },
      token: async (hash) => sessions.token(hash),
      session: async (id) => sessions.session(id),
      revoke: async (id, now) => sessions.revoke(id, now),
      revokeAllOfUser: async (userId, now) => sessions.revokeAllOfUser(userId, now),
      isLive: async (id, userId, now) => sessions.isLive(id, userId, now),
      rotate: async (token, secret, now) =>
        rotateRefreshToken({ sessions, db, secret, now }, token),
      purgeEnded: async (before) => sessions.purgeEnded(before),
    },
    lockout: {
      isLocked: async (userId, now) => lockout.isLocked(userId, now),
      recordFailure: async (userId, now) => lockout.recordFailure(userId, now),
      clear: async (userId) => lockout.clear(userId),
    },
    audit: {
      record: async (entry) => audit.record(entry),
      purge: async (now) => audit.purge(now),
    },
    sync: createSqliteSyncStorage(db),
    keys: fileKeyStorage(dataDir),
    // One process owns the file: a job is due when this process last ran it long enough ago.
    jobs: {
      async claim(name, now, everyMs) {
        const last = lastRuns.get(name);
        if (last !== undefined && now - last < everyMs) return false;
        lastRuns.set(name, now);
        return true;
      },
    },
    async refreshSecret() {
      const hex = refreshSecret.get();
      if (!hex) throw new Error('The refresh secret is missing: run the migrations.');
      return Buffer.from(hex, 'hex');
    },
    // Counters in this process's memory: one process owns the file (backup/server-lock.ts).
    rateLimitStore: () => new MemoryStore(),
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (options.checkpointOnClose === false) db.close();
      else closeDatabase(db);
    },
  };
}
