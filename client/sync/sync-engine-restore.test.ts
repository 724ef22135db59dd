// [P6] A server restored from an older backup against real devices: each device meets
// 410 with cause `restore`, sends every cell it holds again (with the hlcs they were
// written with, whoever wrote them), pulls from the start, and afterwards the server and
// a fresh device hold everything any device had, including what was synced after the
// backup. The backup is taken with the admin command's own function.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SyncRequest } from '../../shared/protocol';
import { SAMPLE_ROWS } from '../../shared/test-support/sample-rows';
import { backupDatabase } from '../../server/backup/backup';
import { tempDir } from '../../server/test-support/fixture';
import { restoreInPlace } from '../../server/test-support/restore-in-place';
import { CLOCK_FIELD } from '../db/hlc-middleware';
import { appTransport, syncUntilQuiet, type Device } from './test-support/device';
import { syncServerPerTest } from './test-support/server';

const fx = syncServerPerTest();
const item = (id: string) => ({ ...SAMPLE_ROWS.items, id, name: `Item ${id}` });

/** Backs the server up now; returns a function that restores that backup in place. */
async function backupNow(): Promise<() => void> {
  const dir = tempDir();
  const file = join(dir.path, 'backup.db');
  await backupDatabase(fx.server().db, file, Date.now());
  return () => {
    restoreInPlace(fx.server().db, file, Date.now());
    dir.remove();
  };
}

async function stamps(device: Device, id: string) {
  const row: Record<string, unknown> | undefined = await device.db.items.get(id);
  return row?.[CLOCK_FIELD];
}

describe('sync engine and a server restore (410, cause restore)', () => {
  it('[L5] [P6] re-sends what the backup lacks: the server and a fresh device get every row back', async () => {
    const token = await fx.register();
    const sent: SyncRequest[] = [];
    const direct = appTransport(fx.server().app, token);
    const phone = fx.device(token, {
      transport: (request) => {
        sent.push(request);
        return direct(request);
      },
    });
    await phone.db.items.add(item('A'));
    await phone.sync();
    const restore = await backupNow();
    await phone.db.items.add(item('B'));
    await phone.sync();
    expect(await phone.db.outbox.count()).toBe(0); // B is acknowledged: only rows hold it
    restore();

    sent.length = 0;
    expect(await phone.sync()).toMatchObject({ kind: 'synced' });
    expect(sent[0]?.since).not.toBe(''); // the old cursor, refused with 410
    expect(sent[1]?.since).toBe('');
    const resent = new Set(sent.slice(1).flatMap((r) => r.changes.map((c) => c.id)));
    expect([...resent].sort()).toEqual(['A', 'B']);
    const fresh = fx.device(token);
    await fresh.sync();
    expect((await fresh.db.items.toCollection().primaryKeys()).sort()).toEqual(['A', 'B']);
    expect(await stamps(fresh, 'B')).toEqual(await stamps(phone, 'B'));
    expect((await phone.db.items.toCollection().primaryKeys()).sort()).toEqual(['A', 'B']);
    expect(await phone.db.meta.get('resync')).toBeUndefined();
    // Settled: the next sync is an ordinary one.
    sent.length = 0;
    expect(await phone.sync()).toMatchObject({ kind: 'synced', pulled: 0 });
    expect(sent.flatMap((r) => r.changes)).toEqual([]);
  });

  it('a device that only received a row re-sends it with its writer’s hlc', async () => {
    const token = await fx.register();
    const writer = fx.device(token);
    const reader = fx.device(token);
    await writer.db.items.add(item('A'));
    await syncUntilQuiet([writer, reader]);
    const restore = await backupNow();
    await writer.db.items.add(item('B'));
    await writer.db.items.update('A', { notes: 'after the backup' });
    await syncUntilQuiet([writer, reader]);
    const written = await stamps(writer, 'B');
    await writer.destroy(); // the phone that wrote B is lost
    restore();

    expect(await reader.sync()).toMatchObject({ kind: 'synced' });
    const fresh = fx.device(token);
    await fresh.sync();
    expect(await stamps(fresh, 'B')).toEqual(written);
    expect((await fresh.db.items.get('A'))?.notes).toBe('after the backup');
  });

  it('keeps edits made offline during the restore, and newer edits win over re-sent cells', async () => {
    const token = await fx.register();
    const a = fx.device(token);
    const b = fx.device(token);
    await a.db.items.add(item('A'));
    await syncUntilQuiet([a, b]);
    const restore = await backupNow();
    await a.db.items.update('A', { name: 'renamed on a' });
    await a.sync();
    restore();
    await b.sync(); // b re-sends its older name; a's rename is lost on the server for now
    await b.db.items.update('A', { notes: 'b, offline' });
    await a.db.items.update('A', { weightGrams: 999 });
    await syncUntilQuiet([a, b]);
    for (const device of [a, b]) {
      expect(await device.db.items.get('A')).toMatchObject({
        name: 'renamed on a',
        notes: 'b, offline',
        weightGrams: 999,
      });
    }
  });
});
