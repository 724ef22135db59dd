// Which cells of one push win, decided in memory from the hlcs already stored, so that
// PostgreSQL writes each winning key once (its ON CONFLICT DO UPDATE may not touch a row
// twice in one statement, and a push may repeat a cell). The rule is the one SQLite's
// cell store applies a cell at a time: [M1] a greater hlc wins, [M5] an equal one changes
// nothing, and a cell repeated in the push competes with the ones before it.
import type { PushedCell } from '../../sync/sync-answer';

export interface PushOutcome {
  /**
   * One cell per key that won, the last to win for its key, in push order: the i-th
   * (from 0) takes the user's last sequence + 1 + i (docs/api.md "Pulling and cursors").
   */
  winners: PushedCell[];
  /** How many pushed cells won: a key repeated in the push counts each time it won. */
  applied: number;
}

export const cellKey = (cell: Pick<PushedCell, 'tbl' | 'row_id' | 'field'>): string =>
  JSON.stringify([cell.tbl, cell.row_id, cell.field]);

/**
 * Greater in byte order of UTF-8, as both databases compare (SQLite's BINARY, PostgreSQL's
 * "C"): JavaScript's `>` compares UTF-16 units, which differs above U+D7FF.
 */
function greater(a: string, b: string): boolean {
  return Buffer.compare(Buffer.from(a), Buffer.from(b)) > 0;
}

/** `stored`: the stored hlc of each pushed key that has a cell, by cellKey. */
export function pushWinners(
  pushed: readonly PushedCell[],
  stored: ReadonlyMap<string, string>,
): PushOutcome {
  const best = new Map<string, { cell: PushedCell; index: number }>();
  let applied = 0;
  pushed.forEach((cell, index) => {
    const key = cellKey(cell);
    const current = best.get(key)?.cell.hlc ?? stored.get(key);
    if (current !== undefined && !greater(cell.hlc, current)) return;
    best.set(key, { cell, index });
    applied += 1;
  });
  const winners = [...best.values()].sort((a, b) => a.index - b.index).map(({ cell }) => cell);
  return { winners, applied };
}
