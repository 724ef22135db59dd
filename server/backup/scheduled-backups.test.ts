// Scheduled backups: when the next one is due (restart-proof), that each run writes a
// verified file and keeps the newest N, and that a failure is reported without
// stopping anything.
import Database from 'better-sqlite3';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, tempDir, type TestApp } from '../test-support/fixture';
import {
  backupFileName,
  delayUntilDue,
  listBackups,
  runScheduledBackup,
  startScheduledBackups,
} from './scheduled-backups';

const HOUR = 3600 * 1000;
const silent = pino({ level: 'silent' });
let t: TestApp | undefined;
const dirs: { remove(): void }[] = [];
afterEach(() => {
  t?.close();
  dirs.splice(0).forEach((d) => d.remove());
});
const scratch = () => {
  const dir = tempDir();
  dirs.push(dir);
  return dir.path;
};

describe('scheduled backups', () => {
  it('are due one interval after the newest backup, at once when there is none', () => {
    const now = Date.parse('2026-12-07T12:00:00.000Z');
    expect(delayUntilDue(null, 24 * HOUR, now)).toBe(0);
    expect(delayUntilDue(now - 2 * HOUR, 24 * HOUR, now)).toBe(22 * HOUR);
    expect(delayUntilDue(now - 30 * HOUR, 24 * HOUR, now)).toBe(0);
  });

  it('name files by time and list only their own, newest first', () => {
    const dir = scratch();
    const times = [1, 3, 2].map((h) => Date.parse('2026-12-07T00:00:00.000Z') + h * HOUR);
    for (const at of times) writeFileSync(join(dir, backupFileName(at)), '');
    writeFileSync(join(dir, 'notes.txt'), '');
    writeFileSync(join(dir, 'packyourbag-garbage.db'), '');
    expect(listBackups(dir).map((b) => b.at)).toEqual([...times].sort((a, b) => b - a));
    expect(listBackups(join(dir, 'missing'))).toEqual([]);
  });

  it('write a verified backup each run and keep the newest N', async () => {
    const clock = manualClock();
    t = await createTestApp({ clock });
    const dir = join(scratch(), 'backups');
    const options = { db: t.db, dir, everyMs: HOUR, keep: 3, logger: silent, now: clock.now };
    for (let run = 0; run < 5; run += 1) {
      await runScheduledBackup(options);
      clock.advance(HOUR);
    }
    const kept = listBackups(dir);
    expect(kept).toHaveLength(3);
    expect(kept[0]?.at).toBe(clock.now() - HOUR);
    expect(readdirSync(dir)).toHaveLength(3); // no partial files left behind
    const copy = new Database(kept[0]?.file ?? '', { readonly: true });
    expect(copy.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    copy.close();
  });

  it('report success and failure through the callbacks and keep running', async () => {
    t = await createTestApp();
    const okDir = scratch();
    const db = t.db;
    const schedule = (onSuccess: (at: number) => void) =>
      startScheduledBackups({
        db,
        dir: okDir,
        everyMs: HOUR,
        keep: 2,
        logger: silent,
        now: Date.now,
        onSuccess,
      });
    const successes: number[] = [];
    const stop = schedule((at) => successes.push(at));
    await expect.poll(() => successes.length).toBe(1);
    stop();
    expect(listBackups(okDir)).toHaveLength(1);
    // After a restart the newest backup is reported at once, and none is due yet.
    const restarted: number[] = [];
    schedule((at) => restarted.push(at))();
    expect(restarted).toEqual([listBackups(okDir)[0]?.at]);

    // A backup folder that cannot be written: a file stands where a folder must be made.
    const blocked = join(scratch(), 'file');
    writeFileSync(blocked, '');
    const failures: string[] = [];
    const stopFailing = startScheduledBackups({
      db: t.db,
      dir: join(blocked, 'backups'),
      everyMs: HOUR,
      keep: 2,
      logger: silent,
      now: Date.now,
      onFailure: (error) => failures.push(error.message),
    });
    await expect.poll(() => failures.length).toBe(1);
    stopFailing();
    expect(t.db.prepare('SELECT 1').pluck().get()).toBe(1); // the database is fine
  });
});
