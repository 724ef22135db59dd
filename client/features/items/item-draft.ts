// Turns the item form's text into item fields, with a message for every field that is
// wrong, and back. The shared schemas have the last word (nothing invalid is ever
// written); this adds what they cannot know: that "1,5" meant 1.5, that a price has
// at most two decimals, that "example.com" meant https://example.com.
import { NAME_MAX, NOTES_MAX } from '../../../shared/schemas';
import { MAX_GRAMS } from '../../../shared/schemas/constants';
import { itemFields } from '../../../shared/schemas';
import type { Item } from '../../../shared/schemas';
import { fromGrams, toGrams } from '../../../shared/units';
import type { WeightUnit } from '../../../shared/units';
import type { ItemInput } from '../../model/items';
import type { ItemFormErrors, ItemFormValues } from '../../ui/item-form-values';
import { centsToText, parsePrice } from './price';

export type ItemDraft = { ok: true; input: ItemInput } | { ok: false; errors: ItemFormErrors };

const MAX_IN_UNIT: Record<WeightUnit, string> = {
  g: '1,000,000 g',
  kg: '1000 kg',
  oz: '35,273 oz',
  lb: '2204 lb',
};

/** `unit`: the one weights are typed in (ui/weight-format.ts useEntryUnit). */
export function emptyItemForm(unit: WeightUnit, name = ''): ItemFormValues {
  return {
    name,
    brand: '',
    weight: '',
    unit,
    price: '',
    currency: '',
    url: '',
    notes: '',
    color: null,
    status: 'owned',
  };
}

/** A weight in `unit` as the form shows it: up to 3 decimals, no trailing zeros. */
export function weightText(grams: number, unit: WeightUnit): string {
  return String(Number(fromGrams(grams, unit).toFixed(3)));
}

export function itemToForm(item: Item, typedUnit: WeightUnit): ItemFormValues {
  const unit = item.weightUnit ?? typedUnit;
  return {
    name: item.name,
    brand: item.brand,
    weight: weightText(item.weightGrams, unit),
    unit,
    price: item.priceCents === null ? '' : centsToText(item.priceCents),
    currency: item.currency ?? '',
    url: item.url ?? '',
    notes: item.notes,
    color: item.color,
    status: item.status,
  };
}

/** A decimal number typed with "." or "," as the decimal mark; NaN if it is not one. */
export function parseDecimal(text: string): number {
  const normalised = text.trim().replace(',', '.');
  return /^\d*\.?\d+$|^\d+\.$/.test(normalised) ? Number(normalised) : NaN;
}

/** "example.com/tent" → "https://example.com/tent"; a URL with a scheme is kept. */
export function normaliseUrl(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '' || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  return `https://${trimmed}`;
}

interface Weight {
  grams: number;
  unit: WeightUnit | null;
}

function parseWeight(values: ItemFormValues, initial: Item | undefined): Weight | string {
  const text = values.weight.trim();
  // An untouched weight keeps its exact grams (not the rounded text the form shows) and
  // its unit, which may be null: "show it in whatever unit the user picks".
  if (initial && values.unit === (initial.weightUnit ?? values.unit)) {
    if (text === weightText(initial.weightGrams, values.unit))
      return { grams: initial.weightGrams, unit: initial.weightUnit };
  }
  if (text === '') return { grams: 0, unit: values.unit };
  // "1,200" is 1200 to many and 1.2 to others: ask rather than guess 1000× wrong.
  if (/^\d{1,3}(,\d{3})+$/.test(text)) {
    const plain = text.replace(/,/g, '');
    return `Did you mean ${plain} or ${text.replace(',', '.')}? Write ${plain} without the comma, or use a point for decimals.`;
  }
  const value = parseDecimal(text);
  if (Number.isNaN(value)) return 'Enter the weight as a number, such as 850 or 1.2.';
  const grams = toGrams(value, values.unit);
  if (grams > MAX_GRAMS)
    return `That is more than the ${MAX_IN_UNIT[values.unit]} an item can weigh.`;
  return { grams, unit: values.unit };
}

/** Why `text` cannot be an item's name, or null when it can (the form and the grid). */
export function itemNameProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'Give the item a name.';
  if (trimmed.length > NAME_MAX) return `Keep the name to ${NAME_MAX} characters or fewer.`;
  return null;
}

export function parseItemForm(values: ItemFormValues, initial?: Item): ItemDraft {
  const errors: ItemFormErrors = {};
  const name = values.name.trim();
  const nameProblem = itemNameProblem(name);
  if (nameProblem) errors.name = nameProblem;
  const brand = values.brand.trim();
  if (brand.length > NAME_MAX) errors.brand = `Keep the brand to ${NAME_MAX} characters or fewer.`;

  const weight = parseWeight(values, initial);
  if (typeof weight === 'string') errors.weight = weight;

  const price = parsePrice(values.price);
  if (typeof price === 'string') errors.price = price;
  const currency = values.currency.trim().toUpperCase();
  if (price !== null && currency === '') errors.currency = 'Add the currency, such as EUR or USD.';
  else if (currency !== '' && !/^[A-Z]{3}$/.test(currency))
    errors.currency = 'Use a 3-letter currency code, such as EUR or USD.';

  const url = normaliseUrl(values.url);
  if (url !== '' && !itemFields.url.safeParse(url).success)
    errors.url = 'Enter a web address starting with https://, or leave it empty.';
  const notes = values.notes.trim();
  if (notes.length > NOTES_MAX)
    errors.notes = `Keep the notes to ${NOTES_MAX} characters or fewer.`;

  if (Object.keys(errors).length > 0 || typeof weight === 'string' || typeof price === 'string')
    return { ok: false, errors };
  return {
    ok: true,
    input: {
      name,
      brand,
      weightGrams: weight.grams,
      weightUnit: weight.unit,
      priceCents: price,
      currency: price === null ? null : currency,
      url: url === '' ? null : url,
      notes,
      color: values.color,
      status: values.status,
    },
  };
}
