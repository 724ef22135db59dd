// Shared data for the stories: the edge cases issue #12 asks every component to show
// (very long names, 0 g and 100 kg, every palette colour and weight unit, many rows).
import { fn } from 'storybook/test';
import { TABLE_NAMES } from '../shared/schemas';
import type { Item, TableName } from '../shared/schemas';
import { WEIGHT_UNITS } from '../shared/units';
import type { WeightUnit } from '../shared/units';
import { PALETTE } from '../client/ui/palette';

export { WEIGHT_UNITS };
export type { WeightUnit };

/** A name past any sensible length, with one unbroken word to test wrapping. */
export const LONG_NAME =
  'Ultralight titanium double-wall insulated mug with folding handles and a silicone lid ' +
  'for cold mornings above the tree line (spare) Supercalifragilisticexpialidociousgearname';

/** 100 kg, the heaviest pack a story shows. */
export const HUNDRED_KG = 100_000;

/** Every palette index, 0..9. */
export const PALETTE_INDICES: readonly number[] = PALETTE.map((_, index) => index);

/** n values made by `make`, numbered from 1 for readable names. */
export const times = <T>(n: number, make: (i: number) => T): T[] =>
  Array.from({ length: n }, (_, i) => make(i + 1));

/** One count per synced table, e.g. the rows a backup or a device holds. */
export const perTable = <T>(make: (table: TableName, i: number) => T): Record<TableName, T> =>
  Object.fromEntries(TABLE_NAMES.map((table, i) => [table, make(table, i)])) as Record<
    TableName,
    T
  >;

/** A library item; every field can be overridden. */
export const anItem = (changes: Partial<Item> = {}): Item => ({
  id: '0199a0c0-0000-7000-8000-000000000001',
  name: 'Tent',
  brand: 'Big Agnes',
  weightGrams: 1130,
  weightUnit: null,
  priceCents: 44995,
  currency: 'EUR',
  url: 'https://www.example.com/tent',
  notes: '',
  color: 3,
  status: 'owned',
  deleted: false,
  ...changes,
});

/** The props a reorderable row (a list's entry, a pack's list) gets from its list. */
export const reorderableRow = () => ({
  index: 1,
  count: 3,
  rowRef: null,
  dragging: null,
  dragOffset: 0,
  handleProps: {
    onPointerDown: fn(),
    onPointerMove: fn(),
    onPointerUp: fn(),
    onPointerCancel: fn(),
  },
  onMove: fn(),
  onRemove: fn(),
});
