// A synced cell and a user's sync state as both storage engines store them.
export interface StoredCell {
  tbl: string;
  row_id: string;
  field: string;
  /** JSON text. */
  value: string;
  hlc: string;
  seq: number;
}

export interface SyncState {
  last_seq: number;
  purged_seq: number;
  /** How many purges raised purged_seq ([P5]). */
  purge_gen: number;
  /** purged_seq and purge_gen when the database was restored (lineage.ts). */
  base_purged_seq: number;
  base_purge_gen: number;
}

/** A user's state before their first push. */
export const NO_STATE: SyncState = {
  last_seq: 0,
  purged_seq: 0,
  purge_gen: 0,
  base_purged_seq: 0,
  base_purge_gen: 0,
};
