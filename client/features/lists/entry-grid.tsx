// The entries of a list as a spreadsheet-like table (desktop, issue 14): one row per entry,
// every field edited in place with the keyboard, an empty last row that adds an item, and
// a paste of spreadsheet rows that opens the column preview. Every change goes through
// client/model and offers an undo (the toast's, also taken by Ctrl/Cmd+Z in the grid).
import { useState } from 'react';
import { joinId } from '../../../shared/schemas/constants';
import { WEIGHT_UNITS, type DisplayUnit, type WeightUnit } from '../../../shared/units';
import { updateItem } from '../../model/items';
import { removePastedRows } from '../../model/sheet-rows';
import {
  createItemInList,
  moveEntry,
  removeEntry,
  restoreEntry,
  setEntryWorn,
  updateEntry,
  type EntryView,
} from '../../model/lists';
import { useDb } from '../../model/db-context';
import { describeWriteError } from '../../model/storage-errors';
import { DataGrid, type DataGridColumn, type DataGridRow } from '../../ui/data-grid';
import { useEntryUnit } from '../../ui/weight-format';
import { WeightText } from '../../ui/weight-text';
import { weightText } from '../items/item-draft';
import { centsToText, formatPrice } from '../items/price';
import { useOfferUndo, useUndoLatest } from '../undo/undo-provider';
import { itemNameProblem } from '../items/item-draft';
import { entryCellEdit, type EntryColumn } from './entry-cell-edit';

const COLUMNS: readonly DataGridColumn[] = [
  // The name takes the width the others leave.
  { key: 'name', label: 'Name', kind: 'text' },
  { key: 'brand', label: 'Description', kind: 'text', width: '16%' },
  { key: 'weight', label: 'Weight', kind: 'number', width: '5.5rem', align: 'end' },
  { key: 'unit', label: 'Unit', kind: 'choice', width: '4rem', choices: WEIGHT_UNITS },
  { key: 'qty', label: 'Qty', kind: 'number', width: '3.75rem', align: 'end' },
  { key: 'worn', label: 'Worn', kind: 'flag', width: '4rem' },
  { key: 'consumable', label: 'Consumable', kind: 'flag', width: '7.25rem' },
  { key: 'price', label: 'Price', kind: 'number', width: '5.75rem', align: 'end' },
  { key: 'total', label: 'Total', kind: 'readonly', width: '5.75rem', align: 'end' },
  {
    key: 'remove',
    label: 'Remove',
    kind: 'action',
    width: '5.25rem',
    actionText: '×',
    actionName: (name) => `Remove ${name}`,
  },
];

const EDITABLE = new Set<string>(['name', 'brand', 'weight', 'unit', 'qty', 'price']);

interface EntryGridProps {
  listId: string;
  listName: string;
  entries: readonly EntryView[];
  userUnit: DisplayUnit;
  onPaste: (text: string) => void;
}

function gridRow({ item, entry }: EntryView, typedUnit: WeightUnit): DataGridRow {
  const unit = item.weightUnit ?? typedUnit;
  const partlyWorn = entry.wornQty > 0 && entry.wornQty < entry.qty;
  return {
    id: entry.id,
    name: item.name,
    values: {
      name: item.name,
      brand: item.brand,
      weight: weightText(item.weightGrams, unit),
      unit,
      qty: String(entry.qty),
      worn: entry.wornQty > 0,
      consumable: entry.consumable,
      price: item.priceCents === null ? '' : centsToText(item.priceCents),
    },
    display: {
      ...(item.priceCents !== null && { price: formatPrice(item.priceCents, item.currency) }),
      ...(partlyWorn && { worn: `✓ ${entry.wornQty} of ${entry.qty}` }),
      total: <WeightText grams={item.weightGrams * entry.qty} unit={unit} />,
    },
  };
}

export function EntryGrid({ listId, listName, entries, userUnit, onPaste }: EntryGridProps) {
  const typedUnit = useEntryUnit(userUnit);
  const db = useDb();
  const offerUndo = useOfferUndo();
  const undoLatest = useUndoLatest();
  // A failed write (shown) and what a keyboard action did (for screen readers only).
  const [message, setMessage] = useState('');
  const [status, setStatus] = useState('');
  const byId = new Map(entries.map((view) => [view.entry.id, view]));

  const write = (action: Promise<unknown>, undoText: string, undo: () => Promise<unknown>) => {
    setMessage('');
    void action
      .then(() => offerUndo(undoText, undo))
      .catch((error: unknown) => setMessage(describeWriteError(error)));
  };

  const addItem = (text: string) => {
    const name = text.trim();
    let itemId = '';
    write(
      createItemInList(db, listId, { name, weightGrams: 0 }).then((id) => (itemId = id)),
      `Added “${name}”.`,
      // One transaction, like the undo of a paste: never an entry left without its item.
      () => removePastedRows(db, { entryIds: [joinId(listId, itemId)], itemIds: [itemId] }),
    );
  };

  const onCommit = (rowId: string | null, key: string, text: string): string | null => {
    if (rowId === null) {
      if (key !== 'name') return 'Start a new item with its name.';
      const problem = itemNameProblem(text);
      if (problem === null) addItem(text);
      return problem;
    }
    const view = byId.get(rowId);
    if (!view || !EDITABLE.has(key)) return null;
    const edit = entryCellEdit(view, key as EntryColumn, text, typedUnit);
    if (!edit.ok) return edit.message;
    const { before, what } = edit.change;
    const apply = async (changes: typeof before) => {
      if (changes.item) await updateItem(db, view.item.id, changes.item);
      if (changes.entry) await updateEntry(db, view.entry.id, changes.entry);
    };
    write(apply(edit.change), `Changed ${what}.`, () => apply(before));
    return null;
  };

  const onToggle = (rowId: string, key: string, next: boolean) => {
    const view = byId.get(rowId);
    if (!view) return;
    const { entry, item } = view;
    const worn = key === 'worn';
    write(
      worn ? setEntryWorn(db, entry.id, next) : updateEntry(db, entry.id, { consumable: next }),
      `Marked ${item.name} as ${next ? '' : 'not '}${worn ? 'worn' : 'consumable'}.`,
      () =>
        updateEntry(
          db,
          entry.id,
          worn ? { wornQty: entry.wornQty } : { consumable: entry.consumable },
        ),
    );
  };

  const onAction = (rowId: string) => {
    const view = byId.get(rowId);
    if (!view) return;
    write(removeEntry(db, rowId), `Removed “${view.item.name}” from the list.`, () =>
      restoreEntry(db, rowId),
    );
  };

  return (
    <section className="entries entries-grid" aria-labelledby="entries-heading">
      <h2 id="entries-heading" className="visually-hidden" tabIndex={-1}>
        Items in this list
      </h2>
      <DataGrid
        label={`Items in ${listName}`}
        columns={COLUMNS}
        rows={entries.map((view) => gridRow(view, typedUnit))}
        newRowPrompt="Type a name to add an item"
        onCommit={onCommit}
        onToggle={onToggle}
        onAction={onAction}
        onUndo={() => {
          setStatus(undoLatest() ? 'Undone.' : 'Nothing to undo.');
        }}
        onPaste={onPaste}
        onMoveRow={(rowId, to) => {
          const view = byId.get(rowId);
          if (!view) return;
          setStatus(`Moved ${view.item.name} to position ${to + 1} of ${entries.length}.`);
          moveEntry(db, listId, rowId, to).catch((error: unknown) =>
            setMessage(describeWriteError(error)),
          );
        }}
      />
      <p className="form-error" role="alert">
        {message}
      </p>
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </section>
  );
}
