// Taking in cells written elsewhere: pulled from the server (sync/commit-answer.ts) or
// restored from a backup (model/backup-restore.ts). Both merge each cell into the local row
// by hlc with the shared mergeCell [M1][M5], keep the winners' own stamps in `_hlc`, and move
// the local clock past what they took in [C4], so a later local write is stamped after it
// and wins. Callers run these inside their transaction, marked `applyingRemote`, so the
// middleware neither re-stamps the merged rows nor queues them.
import { formatHlc, initialHlcState, parseHlc, receive, type HlcState } from '../../shared/hlc';
import { mergeCell, type Cell } from '../../shared/merge';
import type { PybDatabase } from './db';
import { CLOCK_FIELD, type StoredRow } from './stamp-row';

export type MergeableRow = StoredRow & { id: string };

/** One incoming cell of a row. */
export interface RemoteCell {
  field: string;
  value: unknown;
  hlc: string;
}

/**
 * The row with every incoming cell that wins, and those cells (in order). A cell with the
 * stored hlc is the same write and does not win [M5]. When none wins, the row is the one
 * given, untouched.
 */
export function mergeIntoRow(
  row: MergeableRow,
  cells: readonly RemoteCell[],
): { row: MergeableRow; won: RemoteCell[] } {
  const next: MergeableRow = { ...row };
  const stamps = { ...row[CLOCK_FIELD] };
  const won: RemoteCell[] = [];
  for (const cell of cells) {
    const stamp = stamps[cell.field];
    const stored: Cell | undefined =
      stamp === undefined ? undefined : { value: next[cell.field], hlc: stamp };
    const incoming: Cell = { value: cell.value, hlc: cell.hlc };
    if (mergeCell(stored, incoming) !== incoming) continue;
    next[cell.field] = cell.value;
    stamps[cell.field] = cell.hlc;
    won.push(cell);
  }
  return won.length > 0 ? { row: { ...next, [CLOCK_FIELD]: stamps }, won } : { row, won };
}

/** [C4] Moves the local clock past the greatest hlc of `cells` (none: no change). */
export async function receiveClock(
  db: PybDatabase,
  cells: Iterable<{ hlc: string }>,
  nowMillis: number,
): Promise<void> {
  const next = clockPast(await readLocalClock(db), cells, nowMillis);
  if (next !== null) await db.meta.put({ key: 'hlc', value: next });
}

/** The device's clock as stored (a device that never wrote starts from its node id). */
export async function readLocalClock(db: PybDatabase): Promise<HlcState> {
  const [stored, nodeId] = await Promise.all([db.meta.get('hlc'), db.meta.get('nodeId')]);
  const local = (stored && parseHlc(stored.value)) ?? (nodeId && initialHlcState(nodeId.value));
  if (!local) throw new Error('This device has no node id yet.');
  return local;
}

/** [C4] The clock `local` moved past the greatest hlc of `cells`, or null when none. */
export function clockPast(
  local: HlcState,
  cells: Iterable<{ hlc: string }>,
  nowMillis: number,
): string | null {
  let greatest: string | undefined;
  for (const { hlc } of cells) if (greatest === undefined || hlc > greatest) greatest = hlc;
  const remote = greatest === undefined ? null : parseHlc(greatest);
  return remote ? formatHlc(receive(local, remote, nowMillis)) : null;
}
