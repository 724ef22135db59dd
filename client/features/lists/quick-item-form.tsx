// Creates an item from a list with just a name and a weight (the rest can be filled in
// on the items page later). A failed write keeps the form and what was typed.
import { useState } from 'react';
import type { DisplayUnit } from '../../../shared/units';
import type { ItemInput } from '../../model/items';
import { ItemForm } from '../../ui/item-form';
import { useEntryUnit } from '../../ui/weight-format';
import type { ItemFormErrors, ItemFormValues } from '../../ui/item-form';
import { emptyItemForm, parseItemForm } from '../items/item-draft';
import { describeWriteError } from '../../model/storage-errors';

interface QuickItemFormProps {
  unit: DisplayUnit;
  initialName: string;
  onCreate: (input: ItemInput) => Promise<unknown>;
  /** Called with the new item's name, or null when cancelled. */
  onDone: (name: string | null) => void;
}

export function QuickItemForm({
  unit: userUnit,
  initialName,
  onCreate,
  onDone,
}: QuickItemFormProps) {
  const unit = useEntryUnit(userUnit);
  const [values, setValues] = useState<ItemFormValues>(() => emptyItemForm(unit, initialName));
  const [errors, setErrors] = useState<ItemFormErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const parsed = parseItemForm(values);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setAttempt(attempt + 1);
      return;
    }
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      await onCreate(parsed.input);
      onDone(parsed.input.name);
    } catch (error) {
      setFailure(describeWriteError(error));
      setBusy(false);
    }
  };

  return (
    <div className="quick-item panel panel-accent">
      <h3>New item for this list</h3>
      <ItemForm
        label="New item for this list"
        variant="quick"
        values={values}
        errors={errors}
        attempt={attempt}
        formError={failure}
        busy={busy}
        submitLabel="Create and add"
        autoFocus
        onChange={setValues}
        onSubmit={() => void submit()}
        onCancel={() => onDone(null)}
      />
    </div>
  );
}
