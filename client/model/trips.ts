// Writes and reads of trips and their check-off. A check is committed to IndexedDB
// before the UI shows it: the trip page's checkboxes follow the live query, so what
// the user sees ticked is what survives a reload or a flat battery.
import type { Trip } from '../../shared/schemas';
import type { PybDatabase } from '../db/db';
import { issueHlc } from '../db/local-clock';
import { stampAlways } from '../db/write-marks';
import type { StoredCheck } from '../domain/checklist';
import { isLive } from '../domain/live-rows';
import type { PackSource } from '../domain/pack-totals';
import { joinId, newId } from './ids';
import { loadPackSource } from './packs';
import { loadSchemas, type Schemas } from './schemas';

export type TripChanges = Partial<
  Pick<Trip, 'name' | 'packId' | 'startDate' | 'endDate' | 'location' | 'notes' | 'color'>
>;

/** Dates are calendar strings, so string order is date order. */
export function datesInOrder(start: string | null, end: string | null): boolean {
  return start === null || end === null || end >= start;
}

function assertDates(trip: Pick<Trip, 'startDate' | 'endDate'>): void {
  if (!datesInOrder(trip.startDate, trip.endDate))
    throw new RangeError('The trip cannot end before it starts.');
}

export async function createTrip(
  db: PybDatabase,
  input: {
    name: string;
    packId?: string | null;
    startDate?: string | null;
    endDate?: string | null;
    location?: string;
  },
): Promise<string> {
  const { tripSchema } = await loadSchemas();
  const row = tripSchema.parse({
    id: newId(),
    name: input.name.trim(),
    packId: input.packId ?? null,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    location: (input.location ?? '').trim(),
    notes: '',
    color: null,
    checksResetAt: null,
    deleted: false,
  });
  assertDates(row);
  await db.trips.add(row);
  return row.id;
}

function cleanChanges({ tripFields }: Schemas, changes: TripChanges): TripChanges {
  const clean: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const schema = tripFields[field as keyof TripChanges];
    clean[field] = schema.parse(typeof value === 'string' ? value.trim() : value);
  }
  return clean as TripChanges;
}

/** Texts are trimmed; invalid values or an end before the start throw and write nothing. */
export async function updateTrip(db: PybDatabase, id: string, changes: TripChanges): Promise<void> {
  const clean = cleanChanges(await loadSchemas(), changes);
  await db.transaction('rw', db.trips, async () => {
    const current = await db.trips.get(id);
    if (!current) throw new Error(`No trip ${id}`);
    assertDates({ ...current, ...clean });
    await db.trips.update(id, clean);
  });
}

export async function deleteTrip(db: PybDatabase, id: string): Promise<void> {
  await db.trips.update(id, { deleted: true });
}

export async function restoreTrip(db: PybDatabase, id: string): Promise<void> {
  await db.trips.update(id, { deleted: false });
}

export async function setChecked(
  db: PybDatabase,
  tripId: string,
  itemId: string,
  checked: boolean,
): Promise<void> {
  const id = joinId(tripId, itemId);
  // An explicit transaction on purpose: Dexie 4 feeds a lone put to live queries
  // optimistically, before it commits; an explicit one reaches them only on commit.
  await db.transaction('rw', db.trips, db.tripChecks, async (transaction) => {
    // A tap is a fresh choice, so `checked` takes a fresh stamp even when the stored
    // value is the same: checking again an item that was checked before a reset must
    // give it a stamp later than `checksResetAt`, or it would still read as unchecked.
    stampAlways(transaction, 'tripChecks', ['checked']);
    const row = { id, tripId, itemId, checked, deleted: false };
    // The read runs alongside the write rather than before it: a tap costs the write's
    // round trips to IndexedDB and no more (see scripts/bench-checkoff.ts).
    const [trip] = await Promise.all([db.trips.get(tripId), db.tripChecks.put(row)]);
    // Throwing aborts the transaction, the write included.
    if (!isLive(trip)) throw new Error(`No trip ${tripId}`);
  });
}

/**
 * Unchecks every item with one write: `checksResetAt` becomes an hlc issued in this
 * transaction, so every earlier check has a smaller stamp and every later one a
 * greater (docs/api.md's checked rule). Checks are never rewritten one by one.
 */
export async function resetChecklist(db: PybDatabase, tripId: string): Promise<void> {
  await db.transaction('rw', db.trips, db.meta, async () => {
    const hlc = await issueHlc(
      {
        get: (key) => db.meta.get(key).then((row) => row?.value),
        put: (key, value) => db.meta.put({ key, value }),
      },
      Date.now(),
    );
    const updated = await db.trips.update(tripId, { checksResetAt: hlc });
    if (updated === 0) throw new Error(`No trip ${tripId}`);
  });
}

export interface TripSource {
  trip: Trip | undefined;
  pack: PackSource;
}

/** The trip and its pack's rows; the checks are read apart (see loadTripChecks). */
export async function loadTripSource(db: PybDatabase, tripId: string): Promise<TripSource> {
  const trip = await db.trips.get(tripId);
  return { trip, pack: await loadPackSource(db, isLive(trip) ? trip.packId : null) };
}

/** Read on their own so a tap re-runs only this small query, not the whole pack's. */
export function loadTripChecks(db: PybDatabase, tripId: string): Promise<StoredCheck[]> {
  return db.tripChecks.where('tripId').equals(tripId).toArray();
}
