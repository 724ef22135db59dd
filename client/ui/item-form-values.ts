// What the item form holds: the user's text as typed, before it is parsed into a row
// (features/items/item-draft.ts), plus the messages for fields that are wrong.
import type { Item } from '../../shared/schemas';
import type { WeightUnit } from '../../shared/units';

export type { WeightUnit };
export type ItemStatus = Item['status'];

/** What each status is called wherever it is shown or chosen. */
export const STATUS_NAMES: Readonly<Record<ItemStatus, string>> = {
  owned: 'Owned',
  wishlist: 'Wishlist',
  retired: 'Retired',
};
/** The statuses in the order they are offered. */
export const STATUS_OPTIONS = Object.entries(STATUS_NAMES).map(([value, label]) => ({
  value: value as ItemStatus,
  label,
}));

export const isItemStatus = (value: string): value is ItemStatus =>
  Object.hasOwn(STATUS_NAMES, value);

export interface ItemFormValues {
  name: string;
  brand: string;
  weight: string;
  unit: WeightUnit;
  price: string;
  currency: string;
  url: string;
  notes: string;
  color: number | null;
  status: ItemStatus;
}

export type ItemFormErrors = Partial<Record<keyof ItemFormValues, string>>;
