// Backups on a timer (PYB_BACKUP_DIR): every PYB_BACKUP_EVERY_HOURS the server writes a
// verified, timestamped backup there (backup.ts) and keeps the newest PYB_BACKUP_KEEP.
// The schedule survives restarts: the next backup is due one interval after the newest
// file in the folder, so a server restarted daily still backs up daily. A failure is
// logged and reported (metrics), retried within the hour, and never stops the server.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Db } from '../db/open';
import { backupDatabase, type BackupReport } from './backup';

export interface ScheduledBackupOptions {
  db: Db;
  dir: string;
  everyMs: number;
  keep: number;
  logger: Logger;
  now: () => number;
  /** A verified backup exists from this time (also called at start for the newest one). */
  onSuccess?: (atMillis: number) => void;
  onFailure?: (error: Error) => void;
}

const FILE = /^packyourbag-(\d{8}T\d{6}\d{3}Z)\.db$/;
const RETRY_MS = 60 * 60 * 1000;

/** `packyourbag-20261207T153000123Z.db`: sorts by time, one name per millisecond. */
export function backupFileName(atMillis: number): string {
  return `packyourbag-${new Date(atMillis).toISOString().replace(/[-:.]/g, '')}.db`;
}

function timeOf(name: string): number | null {
  const stamp = FILE.exec(name)?.[1];
  if (!stamp) return null;
  const iso = stamp.replace(
    /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/,
    '$1-$2-$3T$4:$5:$6.$7Z',
  );
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** The scheduled backups in the folder, newest first. */
export function listBackups(dir: string): { file: string; at: number }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .flatMap((name) => {
      const at = timeOf(name);
      return at === null ? [] : [{ file: join(dir, name), at }];
    })
    .sort((a, b) => b.at - a.at);
}

/** Milliseconds until the next backup is due (0: now). */
export function delayUntilDue(newestMillis: number | null, everyMs: number, now: number): number {
  return newestMillis === null ? 0 : Math.max(0, newestMillis + everyMs - now);
}

/** Writes one backup and drops all but the newest `keep`. */
export async function runScheduledBackup(options: ScheduledBackupOptions): Promise<BackupReport> {
  const at = options.now();
  const report = await backupDatabase(options.db, join(options.dir, backupFileName(at)), at);
  for (const old of listBackups(options.dir).slice(options.keep)) rmSync(old.file);
  return report;
}

/** Starts the timer; returns a function that stops it. */
export function startScheduledBackups(options: ScheduledBackupOptions): () => void {
  const { logger } = options;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => void tick(), ms);
    timer.unref();
  };
  const tick = async () => {
    try {
      const report = await runScheduledBackup(options);
      logger.info({ file: report.file, bytes: report.bytes }, 'backup written');
      options.onSuccess?.(options.now());
      schedule(options.everyMs);
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      logger.error({ err: failure.message, dir: options.dir }, 'scheduled backup failed');
      options.onFailure?.(failure);
      schedule(Math.min(options.everyMs, RETRY_MS));
    }
  };
  const newest = listBackups(options.dir)[0]?.at ?? null;
  if (newest !== null) options.onSuccess?.(newest);
  schedule(delayUntilDue(newest, options.everyMs, options.now()));
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
