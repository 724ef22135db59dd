// Periodic housekeeping, run by main.ts (tests call runMaintenance directly):
// purge audit entries past their 90 days, drop sessions that ended over a week
// ago, purge deleted rows older than the tombstone horizon (PYB_TOMBSTONE_DAYS),
// and reload the key ring so `npm run rotate-keys` takes effect without a restart.
// With several instances on one database the purges run in one of them per round
// (Storage.jobs claims the round); every instance reloads its own key ring.
import type { Logger } from 'pino';
import { loadKeyRing, type KeyRing } from '../auth/keys';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Storage } from '../storage/storage';

const DAY_MS = 24 * 3600 * 1000;
const WEEK_MS = 7 * DAY_MS;

export interface MaintenanceDeps {
  storage: Storage;
  clock: Clock;
  /** Reloaded in place, so the routes holding this object see a rotation. */
  keys: KeyRing;
  config: Pick<Config, 'tombstoneDays'>;
}

export interface MaintenanceReport {
  /** Whether this round ran the purges, or another instance had claimed them. */
  purges: 'ran' | 'skipped';
  auditPurged: number;
  sessionsPurged: number;
  tombstonesPurged: number;
  signingKid: string;
}

/**
 * One round. `claimWindowMs`: the purges are skipped when another instance (or this one)
 * ran them less than this long ago; 0 always runs them.
 */
export async function runMaintenance(
  deps: MaintenanceDeps,
  claimWindowMs = 0,
): Promise<MaintenanceReport> {
  const now = deps.clock.now();
  const { storage } = deps;
  let auditPurged = 0;
  let sessionsPurged = 0;
  let tombstonesPurged = 0;
  const claimed = claimWindowMs === 0 || (await storage.jobs.claim('purges', now, claimWindowMs));
  if (claimed) {
    auditPurged = await storage.audit.purge(now);
    sessionsPurged = await storage.sessions.purgeEnded(now - WEEK_MS);
    tombstonesPurged = await storage.sync.purgeTombstones(now - deps.config.tombstoneDays * DAY_MS);
  }
  // In place (the app's routes hold this same object), and only when the published set
  // changed: a new `published` array would also drop the verifier's cached key set.
  const ring = await loadKeyRing(storage.keys, now);
  const kids = (keys: { kid: string }[]) => keys.map((k) => k.kid).join(' ');
  // A key published earlier becomes the signing key two minutes after its creation
  // (KEY_ACTIVATION_MS), with the published set unchanged: compare the signer too.
  if (kids(ring.published) !== kids(deps.keys.published)) Object.assign(deps.keys, ring);
  else if (ring.current.kid !== deps.keys.current.kid) deps.keys.current = ring.current;
  return {
    purges: claimed ? 'ran' : 'skipped',
    auditPurged,
    sessionsPurged,
    tombstonesPurged,
    signingKid: deps.keys.current.kid,
  };
}

/** Runs maintenance now and then every `intervalMs`; returns a stopper. */
export function startMaintenance(
  deps: MaintenanceDeps & { logger: Logger },
  intervalMs = 60_000,
): () => void {
  // A little under the interval: timers drift, and a round must not be skipped by its own
  // instance's previous claim.
  const run = () =>
    runMaintenance(deps, intervalMs * 0.9).then(
      (report) => {
        const { auditPurged, sessionsPurged, tombstonesPurged } = report;
        // A quiet round is worth a line only when looking closely (which instance ran it).
        const level = auditPurged || sessionsPurged || tombstonesPurged ? 'info' : 'debug';
        deps.logger[level](report, 'maintenance');
      },
      (error: unknown) => deps.logger.error({ err: error }, 'maintenance failed'),
    );
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
