import { type SyncState } from './cells';
// The pull cursor. docs/api.md calls it opaque; here it names a point in one database's
// history: `<epoch>.<purge generation>.<sequence>`, e.g. `3f9a1c02be4d.2.1187`.
//   epoch       the database's history (instance `epoch`); a restore starts a new one
//   generation  how many tombstone purges had raised the user's horizon when it was
//               handed out ([P5] in shared/SPEC.md)
//   sequence    the user's last sequence number the device has seen
// `""` means "from the beginning". A bare number is a cursor from before epochs
// (migration 0004): it belongs to the `legacy_epoch` and generation 0.

export const START_CURSOR = '';

export interface Cursor {
  /** null: a bare-number cursor from before epochs. */
  epoch: string | null;
  generation: number;
  seq: number;
}

/** Which history this database holds (see migration 0004 and admin restore). */
export interface Lineage {
  epoch: string;
  /** The epoch of the backup this database was restored from, if it was. */
  restoredFrom: string | null;
  /** The epoch that bare-number cursors from before epochs belong to. */
  legacyEpoch: string | null;
}

export const EPOCH = /^[0-9a-f]{12}$/;
const LEGACY = /^(0|[1-9]\d{0,14})$/;
const CURRENT = /^([0-9a-f]{12})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,14})$/;

/** The cursor's parts, or null when it is not one of ours. `""` is sequence 0. */
export function decodeCursor(cursor: string): Cursor | null {
  if (cursor === START_CURSOR) return { epoch: null, generation: 0, seq: 0 };
  if (LEGACY.test(cursor)) return { epoch: null, generation: 0, seq: Number(cursor) };
  const match = CURRENT.exec(cursor);
  if (!match?.[1] || match[2] === undefined || match[3] === undefined) return null;
  return { epoch: match[1], generation: Number(match[2]), seq: Number(match[3]) };
}

export function encodeCursor(cursor: { epoch: string; generation: number; seq: number }): string {
  return `${cursor.epoch}.${cursor.generation}.${cursor.seq}`;
}

/**
 * Why a cursor cannot be continued ([P5], [P6] in shared/SPEC.md), or null when it can:
 *   purge    it was handed out before a purge it may not have seen the end of: pull again
 *            from the start and drop what the server no longer has (keep the outbox);
 *   restore  the database no longer holds everything the device has seen (it was
 *            restored from a backup): re-send every cell, then pull from the start.
 * A cursor of the current epoch is judged against the user's sync state; one of the
 * epoch the database was restored from, against the horizon the backup had (its
 * "base"): if it was stale there, the device had nothing acknowledged that the backup
 * lacks, and re-sending would bring back rows purged before the backup.
 */
export function cursorProblem(
  sinceCursor: string,
  cursor: Cursor,
  lineage: Lineage,
  state: SyncState,
): 'purge' | 'restore' | null {
  if (sinceCursor === START_CURSOR) return null;
  const epoch = cursor.epoch ?? lineage.legacyEpoch;
  if (epoch === lineage.epoch) {
    if (cursor.generation < state.purge_gen && cursor.seq < state.purged_seq) return 'purge';
    // Beyond anything this database handed out: it lost history (a restore by hand).
    if (cursor.seq > state.last_seq || cursor.generation > state.purge_gen) return 'restore';
    return null;
  }
  if (epoch !== null && epoch === lineage.restoredFrom) {
    const stale = cursor.generation < state.base_purge_gen && cursor.seq < state.base_purged_seq;
    return stale ? 'purge' : 'restore';
  }
  return 'restore';
}
