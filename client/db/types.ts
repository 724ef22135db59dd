// Row types of the local database. The synced tables mirror API.md "Tables and fields";
// shared/schemas will own these shapes (as zod schemas) and replace the synced ones here.
// Every synced row carries `deleted`: deleting is writing `deleted: true`, never removing.

export const SYNCED_TABLES = [
  'items',
  'lists',
  'listEntries',
  'packs',
  'packLists',
  'trips',
  'tripChecks',
  'settings',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/** Tables that never leave the device. */
export const LOCAL_TABLES = ['outbox', 'meta'] as const;
export type LocalTable = (typeof LOCAL_TABLES)[number];

export type WeightUnit = 'g' | 'kg' | 'oz' | 'lb';
export type Theme = 'system' | 'light' | 'dark';
export type ItemStatus = 'owned' | 'wishlist' | 'retired';
/** A palette index 0..9, or null for no colour. */
export type PaletteColor = number | null;

interface SyncedRow {
  id: string;
  deleted: boolean;
}

export interface ItemRow extends SyncedRow {
  name: string;
  brand: string;
  weightGrams: number;
  /** The unit the weight was entered in; null means the user's unit. */
  weightUnit: WeightUnit | null;
  priceCents: number | null;
  currency: string | null;
  url: string | null;
  notes: string;
  color: PaletteColor;
  status: ItemStatus;
}

export interface ListRow extends SyncedRow {
  name: string;
  notes: string;
  color: PaletteColor;
  sortKey: string;
}

/** id is `<listId>:<itemId>`, so two devices adding the same item write the same row. */
export interface ListEntryRow extends SyncedRow {
  listId: string;
  itemId: string;
  qty: number;
  /** How many of the qty units are worn; counts as min(wornQty, qty). */
  wornQty: number;
  consumable: boolean;
  sortKey: string;
}

export interface PackRow extends SyncedRow {
  name: string;
  notes: string;
  color: PaletteColor;
  sortKey: string;
}

/** id is `<packId>:<listId>`. */
export interface PackListRow extends SyncedRow {
  packId: string;
  listId: string;
  sortKey: string;
}

export interface TripRow extends SyncedRow {
  name: string;
  packId: string | null;
  /** YYYY-MM-DD */
  startDate: string | null;
  endDate: string | null;
  location: string;
  notes: string;
  color: PaletteColor;
  /** Checks stamped at or before this hlc count as unchecked. */
  checksResetAt: string | null;
}

/** id is `<tripId>:<itemId>`. */
export interface TripCheckRow extends SyncedRow {
  tripId: string;
  itemId: string;
  checked: boolean;
}

export const SETTINGS_ID = 'settings';

/**
 * The one settings row. Its fields are optional because a device writes only the
 * fields the user changed: a fresh device that wrote all defaults would, once synced,
 * overwrite choices made earlier on another device. Readers fill in the defaults.
 */
export interface SettingsRow {
  id: typeof SETTINGS_ID;
  deleted?: boolean;
  units?: WeightUnit;
  theme?: Theme;
}

/** One changed cell waiting to be pushed, appended in the same transaction as the write. */
export interface OutboxEntry {
  /** Auto-incremented by IndexedDB: add() takes the entry without it and returns it. */
  seq: number;
  table: SyncedTable;
  id: string;
  field: string;
  value: unknown;
  hlc: string;
}

/** Device-local sync state: this install's nodeId, the last hlc issued, the pull cursor. */
export type MetaKey = 'nodeId' | 'hlc' | 'cursor';
export interface MetaRow {
  key: MetaKey;
  value: string;
}
