// The tombstone purge's rules (each engine runs it in its own storage module): it
// purges deleted rows whose tombstone (`deleted = true`) is older than the horizon,
// all the row's cells. A device whose cursor is below the highest
// sequence purged may not have seen the deletion, so the user's `purged_seq`
// moves up to it, its purge generation goes up by one, and a cursor handed out
// before that gets 410 resync_required (cursor.ts, [P5] in shared/SPEC.md).
// The deletion's hlc is its time: hlcs sort as text in time order ([C2]).
export interface Tombstone {
  user_id: string;
  tbl: string;
  row_id: string;
}

/** Tombstones whose hlc sorts below this are older than the horizon. */
export function horizonHlc(horizonMillis: number): string {
  return new Date(horizonMillis).toISOString();
}
