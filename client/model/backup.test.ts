import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup, type Backup } from '../../shared/backup';
import { formatHlc, parseHlc } from '../../shared/hlc';
import { SAMPLE_ROWS } from '../../shared/test-support/sample-rows';
import type { PybDatabase } from '../db/db';
import { applyingRemote } from '../db/write-marks';
import { backupFileName, exportBackup, readBackup } from './backup';
import { previewRestore, restoreBackup } from './backup-restore';
import { bookkeeping, deleteDatabases, freshDatabase, readAll } from './test-support/backup-db';

afterEach(deleteDatabases);

const NOW = new Date(2026, 5, 1, 9, 30);
const FUTURE = '2999-01-01T00:00:00.000Z-0000-00000000000000bb';
const stamps = async (d: PybDatabase, id = 'i1') =>
  ((await d.items.get(id)) as unknown as { _hlc: Record<string, string> })._hlc;

async function deviceWithTent(): Promise<PybDatabase> {
  const d = await freshDatabase();
  await d.items.add({ ...SAMPLE_ROWS.items });
  return d;
}

async function backupOf(d: PybDatabase): Promise<Backup> {
  const parsed = parseBackup(await exportBackup(d, NOW));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.backup;
}

describe('exportBackup', () => {
  it('[B1] names the file with the local date', () => {
    expect(backupFileName(NOW)).toBe('packyourbag-backup-2026-06-01.json');
  });

  it('[B1][B2] writes every table with each row’s stamped cells, and no meta or outbox', async () => {
    const d = await deviceWithTent();
    await d.settings.upsert('settings', { theme: 'dark' });
    const backup = await readBackup(d, NOW);
    expect(backup).toMatchObject({ format: 'packyourbag-backup', version: 1 });
    expect(backup.exportedAt).toBe(NOW.toISOString());
    expect(Object.keys(backup.tables)).toEqual([
      ...['items', 'lists', 'listEntries', 'packs', 'packLists', 'trips', 'tripChecks'],
      'settings',
    ]);
    expect(backup.tables.items).toEqual([{ ...SAMPLE_ROWS.items, _hlc: await stamps(d) }]);
    expect(backup.tables.settings).toEqual([
      { id: 'settings', theme: 'dark', _hlc: { theme: expect.any(String) } },
    ]);
    expect(JSON.stringify(backup)).not.toMatch(/nodeId|cursor|outbox|seq/);
  });

  it('[B2] leaves out fields without a stamp, and rows with none', async () => {
    const d = await deviceWithTent();
    await d.transaction('rw', d.items, async (tx) => {
      applyingRemote(tx);
      await d.items.bulkPut([
        { ...SAMPLE_ROWS.items, id: 'bare', _hlc: {} },
        { ...SAMPLE_ROWS.items, id: 'half', _hlc: { name: FUTURE, notes: 'not an hlc' } },
      ] as never[]);
    });
    const { tables } = await readBackup(d, NOW);
    expect(tables.items.map((row) => row.id)).toEqual(['half', 'i1']);
    expect(tables.items[0]).toEqual({ id: 'half', name: 'Tent', _hlc: { name: FUTURE } });
  });
});

describe('restoreBackup', () => {
  it('[B4] an old backup keeps newer local edits; a newer cell in it wins', async () => {
    const d = await deviceWithTent();
    const old = await backupOf(d);
    await d.items.update('i1', { name: 'Tent 2' });
    const newer = structuredClone(old);
    const [row] = newer.tables.items;
    if (!row) throw new Error('no row');
    Object.assign(row, { weightGrams: 999, _hlc: { ...row._hlc, weightGrams: FUTURE } });
    const outboxBefore = await d.outbox.count();

    expect((await previewRestore(d, old)).items).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect(await restoreBackup(d, old, NOW.getTime())).toMatchObject({ queued: 0 });
    expect(await d.items.get('i1')).toMatchObject({ name: 'Tent 2', weightGrams: 1200 });

    expect((await previewRestore(d, newer)).items).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect(await restoreBackup(d, newer, NOW.getTime())).toMatchObject({ queued: 1 });
    expect(await d.items.get('i1')).toMatchObject({ name: 'Tent 2', weightGrams: 999 });
    expect((await stamps(d)).weightGrams).toBe(FUTURE);

    // The winning cell is queued under this device's node id, and the clock moved past it.
    const nodeId = (await d.meta.get('nodeId'))?.value ?? '';
    const queued = (await d.outbox.toArray()).slice(outboxBefore);
    const future = parseHlc(FUTURE);
    if (!future) throw new Error('bad hlc');
    const rehomed = formatHlc({ ...future, node: nodeId });
    expect(queued).toEqual([
      {
        seq: expect.any(Number),
        table: 'items',
        id: 'i1',
        values: { weightGrams: 999 },
        hlc: rehomed,
      },
    ]);
    await d.items.update('i1', { weightGrams: 5 });
    expect(((await stamps(d)).weightGrams ?? '') > FUTURE).toBe(true);
  });

  it('[B4] restores into an empty database, and the preview writes nothing', async () => {
    const source = await deviceWithTent();
    const backup = await backupOf(source);
    const target = await freshDatabase();
    expect((await previewRestore(target, backup)).items).toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
    });
    expect(await target.items.count()).toBe(0);
    const result = await restoreBackup(target, backup, NOW.getTime());
    expect(result.counts.items.added).toBe(1);
    expect(await readAll(target)).toEqual(await readAll(source));
    const before = await bookkeeping(target);
    expect((await restoreBackup(target, backup, NOW.getTime())).queued).toBe(0);
    expect(await bookkeeping(target)).toEqual(before);
  });
});
