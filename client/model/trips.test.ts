import { afterEach, describe, expect, it } from 'vitest';
import { tripSchema } from '../../shared/schemas';
import { SAMPLE_ROWS } from '../../shared/test-support/sample-rows';
import { openDatabase, type PybDatabase } from '../db/db';
import { buildChecklist } from '../domain/checklist';
import {
  createTrip,
  deleteTrip,
  loadTripChecks,
  loadTripSource,
  resetChecklist,
  restoreTrip,
  setChecked,
  updateTrip,
} from './trips';

let db: PybDatabase;
let counter = 0;
afterEach(async () => {
  await db.delete({ disableAutoOpen: false });
});

/** A pack `p` with one list holding items a, b, c. */
async function fresh(): Promise<PybDatabase> {
  db = openDatabase(`trips-test-${++counter}`);
  await db.open();
  await db.packs.put({ ...SAMPLE_ROWS.packs, id: 'p' });
  await db.lists.put({ ...SAMPLE_ROWS.lists, id: 'l' });
  await db.packLists.put({ ...SAMPLE_ROWS.packLists, id: 'p:l', packId: 'p', listId: 'l' });
  for (const [i, itemId] of ['a', 'b', 'c'].entries()) {
    await db.items.put({ ...SAMPLE_ROWS.items, id: itemId, name: itemId });
    await db.listEntries.put({
      ...SAMPLE_ROWS.listEntries,
      id: `l:${itemId}`,
      listId: 'l',
      itemId,
      sortKey: `a${i}`,
    });
  }
  return db;
}

async function checkedIds(tripId: string): Promise<string[]> {
  const { trip, pack } = await loadTripSource(db, tripId);
  const list = buildChecklist(trip, pack, await loadTripChecks(db, tripId));
  return [...(list?.checked ?? [])].sort();
}

describe('trips data', () => {
  it('creates a full, valid trip row with defaults and trimmed texts', async () => {
    await fresh();
    const id = await createTrip(db, { name: ' Sarek ', location: ' Lapland ' });
    const row = tripSchema.parse(await db.trips.get(id));
    expect(row).toEqual({
      id,
      name: 'Sarek',
      packId: null,
      startDate: null,
      endDate: null,
      location: 'Lapland',
      notes: '',
      color: null,
      checksResetAt: null,
      deleted: false,
    });
  });

  it('refuses an end before the start, on create and update', async () => {
    await fresh();
    await expect(
      createTrip(db, { name: 'X', startDate: '2026-07-02', endDate: '2026-07-01' }),
    ).rejects.toThrow(/end before it starts/);
    const id = await createTrip(db, { name: 'X', startDate: '2026-07-02' });
    await expect(updateTrip(db, id, { endDate: '2026-07-01' })).rejects.toThrow(/end before/);
    await updateTrip(db, id, { endDate: '2026-07-02', packId: 'p', notes: ' n ' });
    expect(await db.trips.get(id)).toMatchObject({
      endDate: '2026-07-02',
      packId: 'p',
      notes: 'n',
    });
    await expect(updateTrip(db, id, { startDate: '2026-02-30' })).rejects.toThrow();
  });

  it('deletes softly and restores', async () => {
    await fresh();
    const id = await createTrip(db, { name: 'X' });
    await deleteTrip(db, id);
    expect((await db.trips.get(id))?.deleted).toBe(true);
    await restoreTrip(db, id);
    expect((await db.trips.get(id))?.deleted).toBe(false);
  });

  it('checks and unchecks items with join-id rows', async () => {
    await fresh();
    const id = await createTrip(db, { name: 'X', packId: 'p' });
    await setChecked(db, id, 'a', true);
    await setChecked(db, id, 'b', true);
    expect(await db.tripChecks.get(`${id}:a`)).toMatchObject({ tripId: id, itemId: 'a' });
    expect(await checkedIds(id)).toEqual(['a', 'b']);
    await setChecked(db, id, 'a', false);
    expect(await checkedIds(id)).toEqual(['b']);
  });

  it('resets with one write of checksResetAt; checks after it count again', async () => {
    await fresh();
    const id = await createTrip(db, { name: 'X', packId: 'p' });
    await setChecked(db, id, 'a', true);
    await setChecked(db, id, 'b', true);
    const before = await db.tripChecks.toArray();
    await resetChecklist(db, id);
    expect(await db.tripChecks.toArray()).toEqual(before);
    expect((await db.trips.get(id))?.checksResetAt).toEqual(expect.any(String));
    expect(await checkedIds(id)).toEqual([]);

    await setChecked(db, id, 'c', true);
    // 'a' was stored as checked before the reset: checking it again must still count.
    await setChecked(db, id, 'a', true);
    expect(await checkedIds(id)).toEqual(['a', 'c']);
  });

  it('refuses to check on a missing or deleted trip', async () => {
    await fresh();
    await expect(setChecked(db, 'nope', 'a', true)).rejects.toThrow();
    expect(await db.tripChecks.count()).toBe(0);
    const id = await createTrip(db, { name: 'X' });
    await deleteTrip(db, id);
    await expect(setChecked(db, id, 'a', true)).rejects.toThrow();
    await expect(resetChecklist(db, 'nope')).rejects.toThrow();
  });

  it('loads no pack rows for a trip without a pack', async () => {
    await fresh();
    const id = await createTrip(db, { name: 'X' });
    expect((await loadTripSource(db, id)).pack).toEqual({
      pack: undefined,
      packLists: [],
      lists: [],
      entries: [],
      items: [],
    });
  });
});
