// The auth_events table on SQLite (auth/audit.ts has the events and what is kept).
import { AUDIT_RETENTION_MS, auditColumns, type AuditEntry } from '../../auth/audit';
import type { Db } from '../../db/open';

export function createAuditLog(db: Db) {
  const insert = db.prepare<[number, string, string | null, string | null, string]>(
    'INSERT INTO auth_events (at, event, user_id, ip, ua) VALUES (?, ?, ?, ?, ?)',
  );
  const purge = db.prepare<[number]>('DELETE FROM auth_events WHERE at < ?');
  const forget = db.prepare<[string]>('UPDATE auth_events SET user_id = NULL WHERE user_id = ?');
  return {
    record(entry: AuditEntry): void {
      const row = auditColumns(entry);
      insert.run(row.at, row.event, row.user_id, row.ip, row.ua);
    },
    /** Unlinks a deleted user's entries from their id. */
    forget: (userId: string) => void forget.run(userId),
    /** Deletes entries older than the retention period; returns how many. */
    purge: (now: number) => purge.run(now - AUDIT_RETENTION_MS).changes,
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
