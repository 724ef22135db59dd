// One sync round trip on SQLite (sync/sync-service.ts has the steps), in one IMMEDIATE
// transaction, so the push is all or nothing and the pull sees a consistent snapshot
// that includes it.
import type { Db } from '../../db/open';
import type { Lineage } from '../../sync/cursor';
import { pushedCells, remainingAfter, syncAnswer, trimPage } from '../../sync/sync-answer';
import { assertCursorUsable, type SyncInput, type SyncOutput } from '../../sync/sync-service';
import type { CellStore } from './cell-store';

export function runSync(
  db: Db,
  cells: CellStore,
  lineage: () => Lineage,
  input: SyncInput,
): SyncOutput {
  const { userId, since, limit } = input;
  return db
    .transaction((): SyncOutput => {
      const history = lineage();
      const state = cells.state(userId);
      // 1, again: a purge may have run since the route checked.
      assertCursorUsable(history, state, input);
      const pushed = pushedCells(input.changes);
      const { applied, lastSeq } = cells.writeAll(userId, pushed, state.last_seq); // 2
      if (lastSeq !== state.last_seq) cells.saveLastSeq(userId, lastSeq);

      const page = trimPage(cells.page(userId, since.seq, limit + 1), limit); // 3
      const after = remainingAfter(page, input);
      return syncAnswer(input, page, {
        epoch: history.epoch,
        generation: state.purge_gen,
        lastSeq,
        applied,
        remaining: after === undefined ? undefined : cells.countAfter(userId, after),
      });
    })
    .immediate();
}
