// The engine-free parts of one sync round trip (sync-service.ts for SQLite,
// storage/postgres/sync-store.ts for PostgreSQL): the pushed changes as cells, and the
// answer built from a page of cells.
// Both engines call these, so a rule written here holds for both.
import type { SyncChange } from '../../shared/protocol';
import { encodeCursor } from './cursor';
import type { SyncInput, SyncOutput } from './sync-service';
import { type StoredCell } from './cells';

export type PushedCell = Omit<StoredCell, 'seq'>;

/** The pushed changes as the cells table stores them (values as JSON text). */
export function pushedCells(changes: readonly SyncChange[]): PushedCell[] {
  return changes.map((change) => ({
    tbl: change.table,
    row_id: change.id,
    field: change.field,
    value: JSON.stringify(change.value),
    hlc: change.hlc,
  }));
}

export function toChange(cell: StoredCell): SyncChange {
  return {
    table: cell.tbl,
    id: cell.row_id,
    field: cell.field,
    value: JSON.parse(cell.value) as unknown,
    hlc: cell.hlc,
  };
}

/** A page read with `limit + 1` rows: the extra row only says that more follow. */
export interface Page {
  cells: StoredCell[];
  more: boolean;
}

export function trimPage(rows: StoredCell[], limit: number): Page {
  const more = rows.length > limit;
  return { cells: more ? rows.slice(0, limit) : rows, more };
}

/**
 * The sequence after which to count the cells that follow the page (`remaining`), or
 * undefined when the answer carries no count: only a page with more to come, and only
 * when the device asked (the count walks every cell that follows).
 */
export function remainingAfter(page: Page, input: Pick<SyncInput, 'countRemaining'>) {
  const last = page.cells.at(-1);
  return page.more && last && input.countRemaining ? last.seq : undefined;
}

export interface AnswerContext {
  epoch: string;
  /** The user's purge generation ([P5]). */
  generation: number;
  /** The user's last sequence number after the push. */
  lastSeq: number;
  applied: number;
  /** The count remainingAfter asked for, if it asked. */
  remaining?: number | undefined;
}

export function syncAnswer(
  input: Pick<SyncInput, 'since' | 'sinceCursor'>,
  page: Page,
  context: AnswerContext,
): SyncOutput {
  const last = page.cells.at(-1);
  // The last page hands out everything up to the user's last sequence, even when the
  // highest cells were purged since: a cursor below the purge horizon would get 410
  // again and again. With nothing newer, `since` comes back unchanged (docs/api.md).
  const end = page.more && last ? last.seq : context.lastSeq;
  const unchanged = !last && end === input.since.seq;
  const cursor = { epoch: context.epoch, generation: context.generation, seq: end };
  return {
    changes: page.cells.map(toChange),
    cursor: unchanged ? input.sinceCursor : encodeCursor(cursor),
    more: page.more,
    ...(context.remaining === undefined ? {} : { remaining: context.remaining }),
    applied: context.applied,
  };
}
