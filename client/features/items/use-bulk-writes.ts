// The writes behind the library's bulk actions: each is one transaction in the model
// (so a failure writes nothing), says what it did in the page's live region, and the
// destructive ones offer one undo that reverts all of their rows.
import type { Item } from '../../../shared/schemas';
import { deleteItems, restoreItems, setItemStatuses } from '../../model/items';
import { addItemsToList } from '../../model/lists';
import { useDb } from '../../model/db-context';
import { describeWriteError } from '../../model/storage-errors';
import { useOfferUndo } from '../undo/undo-provider';
import { STATUS_NAMES } from '../../ui/item-form-values';

export interface BulkWrites {
  addToList: (ids: readonly string[], list: { id: string; name: string }) => Promise<void>;
  setStatus: (ids: readonly string[], status: Item['status']) => Promise<void>;
  remove: (ids: readonly string[]) => Promise<boolean>;
}

const count = (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`;

export function useBulkWrites(announce: (message: string) => void): BulkWrites {
  const db = useDb();
  const offerUndo = useOfferUndo();
  const attempt = async (write: () => Promise<void>): Promise<boolean> => {
    try {
      await write();
      return true;
    } catch (error) {
      announce(describeWriteError(error));
      return false;
    }
  };
  return {
    addToList: async (ids, list) => {
      await attempt(async () => {
        const added = await addItemsToList(db, list.id, ids);
        const already = ids.length - added;
        announce(
          `Added ${count(added)} to ${list.name}.` +
            (already > 0
              ? ` ${count(already)} ${already === 1 ? 'was' : 'were'} already in it.`
              : ''),
        );
      });
    },
    setStatus: async (ids, status) => {
      await attempt(async () => {
        const before = await setItemStatuses(
          db,
          ids.map((id) => ({ id, status })),
        );
        const message = `Set ${count(ids.length)} to ${STATUS_NAMES[status]}.`;
        announce(message);
        offerUndo(message, () => setItemStatuses(db, before));
      });
    },
    remove: (ids) =>
      attempt(async () => {
        const kept = [...ids];
        await deleteItems(db, kept);
        offerUndo(`Deleted ${count(kept.length)}.`, () => restoreItems(db, kept));
      }),
  };
}
