// The actions on the rows selected in the library table, shown above it while anything
// is selected: "N selected", Add to list… and Change status… (each asks in a dialog),
// Delete (undoable, so no question) and Clear selection. A group, not role=toolbar: its
// few buttons are plain Tab stops.
import { useState } from 'react';
import type { Item, List } from '../../../shared/schemas';
import { SelectDialog } from '../../ui/select-dialog';
import { isItemStatus, STATUS_OPTIONS } from '../../ui/item-form-values';

interface BulkBarProps {
  count: number;
  lists: readonly Pick<List, 'id' | 'name'>[];
  onAddToList: (listId: string) => void;
  onSetStatus: (status: Item['status']) => void;
  onDelete: () => void;
  onClear: () => void;
}

export function BulkBar({ count, lists, ...actions }: BulkBarProps) {
  const [asking, setAsking] = useState<'list' | 'status' | null>(null);
  const what = `${count} ${count === 1 ? 'item' : 'items'}`;
  const close = () => setAsking(null);
  return (
    <div className="items-bulk" role="group" aria-label="Actions on the selected items">
      <p className="items-bulk-count">{count} selected</p>
      <button type="button" className="button" onClick={() => setAsking('list')}>
        Add to list…
      </button>
      <button type="button" className="button" onClick={() => setAsking('status')}>
        Change status…
      </button>
      <button type="button" className="button" onClick={actions.onDelete}>
        Delete {what}
      </button>
      <button type="button" className="button button-quiet" onClick={actions.onClear}>
        Clear selection
      </button>
      <SelectDialog
        open={asking === 'list'}
        title={`Add ${what} to a list`}
        label="List"
        options={lists.map((list) => ({ value: list.id, label: list.name }))}
        confirmLabel="Add to list"
        emptyMessage={<p>You have no lists yet. Create a list first, then add items to it.</p>}
        onConfirm={(listId) => {
          close();
          actions.onAddToList(listId);
        }}
        onCancel={close}
      />
      <SelectDialog
        open={asking === 'status'}
        title={`Change the status of ${what}`}
        label="Status"
        options={STATUS_OPTIONS}
        confirmLabel="Change status"
        onConfirm={(status) => {
          close();
          if (isItemStatus(status)) actions.onSetStatus(status);
        }}
        onCancel={close}
      />
    </div>
  );
}
