// Periodic housekeeping, run by main.ts (tests call runMaintenance directly):
// purge audit entries past their 90 days, drop sessions that ended over a week
// ago, purge deleted rows older than the tombstone horizon (PYB_TOMBSTONE_DAYS),
// and reload the key ring so `npm run rotate-keys` takes effect without a restart.
import type { Logger } from 'pino';
import { createAuditLog } from '../auth/audit';
import { loadKeyRing, type KeyRing } from '../auth/keys';
import { createSessionStore } from '../auth/sessions';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Db } from '../db/open';
import { purgeTombstones } from '../sync/tombstone-purge';

const DAY_MS = 24 * 3600 * 1000;
const WEEK_MS = 7 * DAY_MS;

export interface MaintenanceDeps {
  db: Db;
  clock: Clock;
  /** Reloaded in place, so the routes holding this object see a rotation. */
  keys: KeyRing;
  config: Pick<Config, 'dataDir' | 'tombstoneDays'>;
}

export interface MaintenanceReport {
  auditPurged: number;
  sessionsPurged: number;
  tombstonesPurged: number;
  signingKid: string;
}

export async function runMaintenance(deps: MaintenanceDeps): Promise<MaintenanceReport> {
  const now = deps.clock.now();
  const auditPurged = createAuditLog(deps.db).purge(now);
  const sessionsPurged = createSessionStore(deps.db).purgeEnded(now - WEEK_MS);
  const tombstonesPurged = purgeTombstones(deps.db, now - deps.config.tombstoneDays * DAY_MS);
  // In place (the app's routes hold this same object), and only when the published set
  // changed: a new `published` array would also drop the verifier's cached key set.
  const ring = await loadKeyRing(deps.config.dataDir, now);
  const kids = (keys: { kid: string }[]) => keys.map((k) => k.kid).join(' ');
  if (kids(ring.published) !== kids(deps.keys.published)) Object.assign(deps.keys, ring);
  return { auditPurged, sessionsPurged, tombstonesPurged, signingKid: deps.keys.current.kid };
}

/** Runs maintenance now and then every `intervalMs`; returns a stopper. */
export function startMaintenance(
  deps: MaintenanceDeps & { logger: Logger },
  intervalMs = 60_000,
): () => void {
  const run = () =>
    runMaintenance(deps).then(
      (report) => {
        const { auditPurged, sessionsPurged, tombstonesPurged } = report;
        if (auditPurged || sessionsPurged || tombstonesPurged) {
          deps.logger.info(report, 'maintenance');
        }
      },
      (error: unknown) => deps.logger.error({ err: error }, 'maintenance failed'),
    );
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
