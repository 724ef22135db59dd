// One valid row per synced table, with the smallest values that pass: a starting point for
// tests that need a whole row (override the fields that matter to the test).
import type { TableName, TableRows } from '../schemas';

export const SAMPLE_ROWS: Readonly<{ [T in TableName]: TableRows[T] }> = {
  items: {
    id: 'i1',
    name: 'Tent',
    brand: '',
    weightGrams: 1200,
    weightUnit: null,
    priceCents: null,
    currency: null,
    url: null,
    notes: '',
    color: null,
    status: 'owned',
    deleted: false,
  },
  lists: { id: 'l1', name: 'Sleep', notes: '', color: 2, sortKey: 'a0', deleted: false },
  listEntries: {
    id: 'l1:i1',
    listId: 'l1',
    itemId: 'i1',
    qty: 2,
    wornQty: 1,
    consumable: false,
    sortKey: 'a0',
    deleted: false,
  },
  packs: { id: 'p1', name: 'Summer', notes: '', color: null, sortKey: 'a0', deleted: false },
  packLists: { id: 'p1:l1', packId: 'p1', listId: 'l1', sortKey: 'a0', deleted: false },
  trips: {
    id: 't1',
    name: 'TMB',
    packId: null,
    startDate: null,
    endDate: null,
    location: '',
    notes: '',
    color: null,
    checksResetAt: null,
    deleted: false,
  },
  tripChecks: { id: 't1:i1', tripId: 't1', itemId: 'i1', checked: true, deleted: false },
  settings: { id: 'settings', units: 'g', theme: 'system', deleted: false },
};
