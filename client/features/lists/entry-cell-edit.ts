// What typing into a cell of the list grid changes: the text of one cell → the item or
// entry fields to write, with the fields to write back for the undo, or the message to
// show when the text is not valid (nothing is written then). Weights accept the cell
// formats a paste does ("120 g", "4.2 oz", "1,2 kg"); a bare number keeps the unit.
import {
  readCountCell,
  readPriceCell,
  readWeightCell,
  type Cell,
} from '../../../shared/sheet-import';
import { MAX_GRAMS, NAME_MAX } from '../../../shared/schemas/constants';
import { itemNameProblem } from '../items/item-draft';
import { isWeightUnit, toGrams, type WeightUnit } from '../../../shared/units';
import type { ItemChanges } from '../../model/items';
import type { EntryChanges, EntryView } from '../../model/lists';

export type EntryColumn = 'name' | 'brand' | 'weight' | 'unit' | 'qty' | 'price';

export interface CellChange {
  item?: ItemChanges;
  entry?: EntryChanges;
  /** The same fields as they were, for the undo. */
  before: { item?: ItemChanges; entry?: EntryChanges };
  /** "weight of Tent", for "Changed weight of Tent." */
  what: string;
}

export type CellEdit = { ok: true; change: CellChange } | { ok: false; message: string };

/** "weight is not a number: “abc”" → "Weight is not a number: “abc”." */
const sentence = (reason: string) => `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`;
const refuse = (message: string): CellEdit => ({ ok: false, message });
const fromCell = <T>(cell: Cell<T>, then: (value: T) => CellEdit): CellEdit =>
  cell.ok ? then(cell.value) : refuse(sentence(cell.reason));

export function entryCellEdit(
  view: EntryView,
  column: EntryColumn,
  text: string,
  /** The unit a weight typed without one is in (ui/weight-format.ts useEntryUnit). */
  typedUnit: WeightUnit,
): CellEdit {
  const { item, entry } = view;
  const itemChange = (changes: ItemChanges, what: string): CellEdit => {
    const before = Object.fromEntries(
      Object.keys(changes).map((key) => [key, item[key as keyof ItemChanges]]),
    ) as ItemChanges;
    return { ok: true, change: { item: changes, before: { item: before }, what } };
  };
  const name = item.name;
  switch (column) {
    case 'name': {
      const problem = itemNameProblem(text);
      return problem === null
        ? itemChange({ name: text.trim() }, `name of ${name}`)
        : refuse(problem);
    }
    case 'brand': {
      const trimmed = text.trim();
      if (trimmed.length > NAME_MAX)
        return refuse(`Keep the description to ${NAME_MAX} characters or fewer.`);
      return itemChange({ brand: trimmed }, `description of ${name}`);
    }
    case 'weight':
      if (text.trim() === '') return refuse('Enter the weight, such as 850, 1.2 kg or 4 oz.');
      return fromCell(readWeightCell(text), ({ value, unit }) => {
        const shownUnit = unit ?? item.weightUnit ?? typedUnit;
        const grams = toGrams(value, shownUnit);
        if (grams > MAX_GRAMS) return refuse('That is more than the 1000 kg an item can weigh.');
        const changes: ItemChanges =
          unit === null ? { weightGrams: grams } : { weightGrams: grams, weightUnit: unit };
        return itemChange(changes, `weight of ${name}`);
      });
    case 'unit': {
      const unit = text.trim().toLowerCase();
      if (!isWeightUnit(unit)) return refuse('Choose g, kg, oz or lb.');
      return itemChange({ weightUnit: unit }, `unit of ${name}`);
    }
    case 'qty':
      if (text.trim() === '') return refuse('Enter how many, such as 1 or 2.');
      return fromCell(readCountCell(text, 'quantity', 1), (qty) => ({
        ok: true,
        change: {
          entry: { qty },
          before: { entry: { qty: entry.qty, wornQty: entry.wornQty } },
          what: `quantity of ${name}`,
        },
      }));
    case 'price':
      return fromCell(readPriceCell(text), (price) =>
        itemChange(
          price === null
            ? { priceCents: null, currency: null }
            : { priceCents: price.cents, currency: price.currency ?? item.currency },
          `price of ${name}`,
        ),
      );
  }
}
