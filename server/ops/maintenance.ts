// Periodic housekeeping, run by main.ts (tests call runMaintenance directly):
// purge audit entries past their 90 days, drop sessions that ended over a week
// ago, and reload the key ring so `npm run rotate-keys` takes effect without a
// restart. Later jobs (tombstone purge) join here.
import type { AppDeps } from '../app';
import { createAuditLog } from '../auth/audit';
import { loadKeyRing } from '../auth/keys';
import { createSessionStore } from '../auth/sessions';

const WEEK_MS = 7 * 24 * 3600 * 1000;

export interface MaintenanceReport {
  auditPurged: number;
  sessionsPurged: number;
  signingKid: string;
}

export async function runMaintenance(deps: AppDeps): Promise<MaintenanceReport> {
  const now = deps.clock.now();
  const auditPurged = createAuditLog(deps.db).purge(now);
  const sessionsPurged = createSessionStore(deps.db).purgeEnded(now - WEEK_MS);
  // In place: the app's routes hold this same object.
  Object.assign(deps.keys, await loadKeyRing(deps.config.dataDir, now));
  return { auditPurged, sessionsPurged, signingKid: deps.keys.current.kid };
}

/** Runs maintenance now and then every `intervalMs`; returns a stopper. */
export function startMaintenance(deps: AppDeps, intervalMs = 60_000): () => void {
  const run = () =>
    runMaintenance(deps).then(
      (report) => {
        if (report.auditPurged || report.sessionsPurged) deps.logger.info(report, 'maintenance');
      },
      (error: unknown) => deps.logger.error({ err: error }, 'maintenance failed'),
    );
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
