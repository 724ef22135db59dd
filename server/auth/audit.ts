// The audit log of auth events (who did what when, for security review and to
// answer a user's questions). It never holds emails, passwords or tokens; the
// IP is anonymized on the way in, and entries older than 90 days are purged.
import { anonymizeIp, userAgentClass } from './anonymize';

export const AUDIT_RETENTION_MS = 90 * 24 * 3600 * 1000;

/** Every kind of auth event; metrics start each at 0 so a first occurrence shows as an increase. */
export const AUTH_EVENTS = [
  'register',
  'login_ok',
  'login_failed',
  'login_disabled',
  'account_locked',
  'refresh_reused',
  'logout',
  'logout_all',
  'password_changed',
  'account_deleted',
  'export',
  // Done with the admin command on the server (server/admin/), not by the user:
  'admin_user_created',
  'admin_password_reset',
  'admin_disabled',
  'admin_enabled',
  'admin_sessions_revoked',
  'admin_user_deleted',
] as const;
export type AuthEvent = (typeof AUTH_EVENTS)[number];

export interface AuditEntry {
  event: AuthEvent;
  at: number;
  userId: string | null;
  ip: string;
  userAgent: string | undefined;
}

/** The columns an entry is stored as: the IP anonymized, the user agent a class. */
export function auditColumns(entry: AuditEntry) {
  return {
    at: entry.at,
    event: entry.event,
    user_id: entry.userId,
    ip: anonymizeIp(entry.ip),
    ua: userAgentClass(entry.userAgent),
  };
}
