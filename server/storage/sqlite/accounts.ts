// Making and erasing an account on SQLite, each one transaction (storage.ts UserStorage).
import type { Db } from '../../db/open';
import { createCellStore } from './cell-store';
import { createAuditLog } from './audit-log';
import type { UserRow } from '../../auth/users';
import type { UserStore } from './user-store';

/** Inserts the user; false when the email is taken (the UNIQUE index decides races). */
export function insertNewUser(db: Db, users: UserStore, user: UserRow): boolean {
  return db.transaction(() => {
    if (users.byEmail(user.email)) return false;
    try {
      return users.insert(user);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
      throw error;
    }
  })();
}

/**
 * Erases the user in one transaction: their synced cells and tombstones, the user row
 * and by cascade their sessions, tokens, lockout counter and sync state; the audit log
 * keeps its entries, unlinked from the person.
 */
export function eraseAccount(db: Db, users: UserStore, userId: string): void {
  const cells = createCellStore(db);
  const audit = createAuditLog(db);
  db.transaction(() => {
    cells.eraseUser(userId);
    users.remove(userId);
    audit.forget(userId);
  })();
}
