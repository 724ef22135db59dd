// The auth audit log on PostgreSQL (storage.ts AuditStorage): the same columns as
// SQLite's (auth/audit.ts anonymizes them) and the same retention.
import { AUDIT_RETENTION_MS, auditColumns } from '../../auth/audit';
import type { AuditStorage } from '../storage';
import type { Sql } from './connect';

export function createPostgresAudit(sql: Sql): AuditStorage {
  return {
    async record(entry) {
      const row = auditColumns(entry);
      await sql`INSERT INTO auth_events ${sql(row, 'at', 'event', 'user_id', 'ip', 'ua')}`;
    },
    async purge(now) {
      const result = await sql`DELETE FROM auth_events WHERE at < ${now - AUDIT_RETENTION_MS}`;
      return result.count;
    },
  };
}
