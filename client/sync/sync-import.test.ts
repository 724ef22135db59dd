// A large LighterPack import reaches another device (issue 13): the import is written
// through the model (one transaction, one outbox entry per row), pushed by the real sync
// engine to the real server in process, and pulled by a second device of the same user,
// which then holds the same pack, lists, entries and items, stamps and all.
import { describe, expect, it } from 'vitest';
import { MAX_CHANGES_PER_REQUEST, type SyncRequest } from '../../shared/protocol';
import { parseLighterPackCsv } from '../../shared/lighterpack';
import { lighterPackCsv, LIGHTERPACK_CATEGORIES } from '../../shared/test-support/lighterpack-csv';
import type { PybDatabase } from '../db/db';
import { SYNCED_TABLES } from '../db/types';
import { applyImport, planImport } from '../model/import-lighterpack';
import { appTransport } from './test-support/device';
import { syncServerPerTest } from './test-support/server';

const fx = syncServerPerTest();
const ROWS = 2000;

async function everyRow(db: PybDatabase) {
  const tables = await Promise.all(SYNCED_TABLES.map((name) => db.table(name).toArray()));
  return Object.fromEntries(SYNCED_TABLES.map((name, i) => [name, tables[i]]));
}

describe('a large import, synced', () => {
  it(`carries a ${ROWS.toLocaleString('en')}-row import to a second device`, async () => {
    const token = await fx.register();
    const direct = appTransport(fx.server().app, token);
    const pushed: number[] = [];
    const phone = fx.device(token, {
      transport: (request: SyncRequest) => {
        pushed.push(request.changes.length);
        return direct(request);
      },
    });
    const parsed = parseLighterPackCsv(lighterPackCsv(ROWS));
    if (!parsed.ok) throw new Error(parsed.error);
    const plan = planImport(parsed.file, 'big_trip.csv', [], { reuse: true });
    const packId = await applyImport(phone.db, plan);
    // One outbox entry per row written: items, lists, entries, the pack and its lists.
    const written = ROWS + LIGHTERPACK_CATEGORIES + ROWS + 1 + LIGHTERPACK_CATEGORIES;
    expect(await phone.db.outbox.count()).toBe(written);

    expect(await phone.sync()).toMatchObject({ kind: 'synced' });
    expect(await phone.db.outbox.count()).toBe(0);
    expect(Math.max(...pushed)).toBeLessThanOrEqual(MAX_CHANGES_PER_REQUEST);

    const laptop = fx.device(token, { pullLimit: 5000 });
    expect(await laptop.sync()).toMatchObject({ kind: 'synced', pushed: 0 });
    expect((await laptop.db.packs.get(packId))?.name).toBe('big trip');
    expect(await laptop.db.listEntries.count()).toBe(ROWS);
    expect(await everyRow(laptop.db)).toEqual(await everyRow(phone.db));
  }, 180_000);
});
