// The parts of the table schemas that need no zod: the table names, the text limits, the
// settings row's id and the join-id rule. The client's first screen uses only these, so it
// can start without loading zod (its validation loads on first write). The schema files
// re-export them, so `shared/schemas` stays the one place to import from elsewhere.

export const TABLE_NAMES = [
  'items',
  'lists',
  'listEntries',
  'packs',
  'packLists',
  'trips',
  'tripChecks',
  'settings',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** docs/api.md's limits: names and short texts (brand, location), and notes. */
export const NAME_MAX = 200;
export const NOTES_MAX = 5000;

/** docs/api.md's numeric limits: an item's weight, a count, a price. */
export const MAX_GRAMS = 1e6;
export const MAX_QTY = 10000;
export const MAX_CENTS = 1e9;

export const SETTINGS_ID = 'settings';

/** The id of the row joining `a` to `b`. The schema, not this function, enforces 80 chars. */
export function joinId(a: string, b: string): string {
  return `${a}:${b}`;
}
