// State of the item forms on the library page: which one is open ('new' or an item id),
// and a draft per form, so switching to another item or away from "new" never throws
// away what was typed. Saving parses the draft, shows its errors or writes the row.
import { useCallback, useState } from 'react';
import type { Item } from '../../../shared/schemas';
import type { DisplayUnit } from '../../../shared/units';
import { createItem, updateItem } from '../../model/items';
import type { PybDatabase } from '../../model/db-context';
import type { ItemFormErrors, ItemFormValues } from '../../ui/item-form-values';
import { useEntryUnit } from '../../ui/weight-format';
import { emptyItemForm, itemToForm, parseItemForm } from './item-draft';
import { describeWriteError } from '../../model/storage-errors';

export type EditorTarget = 'new' | string;

export interface Draft {
  values: ItemFormValues;
  errors: ItemFormErrors;
  attempt: number;
  formError: string | null;
  busy: boolean;
}

export interface ItemEditor {
  open: EditorTarget | null;
  draft: Draft | null;
  start: (target: EditorTarget, item?: Item) => void;
  change: (values: ItemFormValues) => void;
  cancel: () => void;
  /** Resolves to the saved item's id, or null when the draft was not saved. */
  save: (initial?: Item) => Promise<string | null>;
}

const fresh = (values: ItemFormValues): Draft => ({
  values,
  errors: {},
  attempt: 0,
  formError: null,
  busy: false,
});

export function useItemEditor(db: PybDatabase, userUnit: DisplayUnit): ItemEditor {
  const unit = useEntryUnit(userUnit);
  const [open, setOpen] = useState<EditorTarget | null>(null);
  const [drafts, setDrafts] = useState<ReadonlyMap<EditorTarget, Draft>>(new Map());

  const patch = useCallback((target: EditorTarget, change: Partial<Draft> | null) => {
    setDrafts((previous) => {
      const next = new Map(previous);
      const current = previous.get(target);
      if (change === null) next.delete(target);
      else if (current) next.set(target, { ...current, ...change });
      return next;
    });
  }, []);

  const start = (target: EditorTarget, item?: Item) => {
    if (!drafts.has(target)) {
      const values = item ? itemToForm(item, unit) : emptyItemForm(unit);
      setDrafts((previous) => new Map(previous).set(target, fresh(values)));
    }
    setOpen(target);
  };

  const save = async (initial?: Item): Promise<string | null> => {
    const target = open;
    const draft = target === null ? undefined : drafts.get(target);
    if (target === null || !draft) return null;
    const parsed = parseItemForm(draft.values, initial);
    if (!parsed.ok) {
      patch(target, { errors: parsed.errors, attempt: draft.attempt + 1 });
      return null;
    }
    patch(target, { busy: true, errors: {}, formError: null });
    try {
      const id = target === 'new' ? await createItem(db, parsed.input) : target;
      if (target !== 'new') await updateItem(db, target, parsed.input);
      patch(target, null);
      setOpen((current) => (current === target ? null : current));
      return id;
    } catch (error) {
      patch(target, { busy: false, formError: describeWriteError(error) });
      return null;
    }
  };

  return {
    open,
    draft: open === null ? null : (drafts.get(open) ?? null),
    start,
    change: (values) => {
      if (open !== null) patch(open, { values });
    },
    cancel: () => {
      if (open !== null) patch(open, null);
      setOpen(null);
    },
    save,
  };
}
