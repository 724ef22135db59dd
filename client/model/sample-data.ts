// The guest-mode sample: a realistic 3-day summer backpacking kit, so a first-time user
// sees what the app does before typing anything. Pure: it builds rows and writes nothing
// (first-run.ts writes them). Weights are typical catalogue figures of real products, in
// grams per unit; quantities, worn units and consumables show how the totals work.
import type { Item, List, ListEntry, Pack, PackList, Trip } from '../../shared/schemas';
import { joinId, keysAfterLast, newId } from './ids';

interface SampleGear {
  name: string;
  brand: string;
  grams: number;
  qty?: number;
  /** Units worn, not carried (shoes, the shirt on your back, two trekking poles). */
  worn?: number;
  consumable?: boolean;
  /** US dollars. */
  price?: number;
  notes?: string;
}

interface SampleList {
  name: string;
  color: number;
  gear: readonly SampleGear[];
}

const SAMPLE_LISTS: readonly SampleList[] = [
  {
    name: 'Shelter & sleep',
    color: 3,
    gear: [
      { name: 'Exos 48 backpack', brand: 'Osprey', grams: 1130, price: 220 },
      { name: 'Tiger Wall UL2 tent', brand: 'Big Agnes', grams: 1090, price: 500 },
      { name: 'Groundhog tent stake', brand: 'MSR', grams: 13, qty: 8, price: 3 },
      { name: 'Summerlite sleeping bag', brand: 'Western Mountaineering', grams: 539, price: 480 },
      { name: 'NeoAir XLite NXT sleeping pad', brand: 'Therm-a-Rest', grams: 354, price: 210 },
      { name: 'Aeros Ultralight pillow', brand: 'Sea to Summit', grams: 60, price: 45 },
    ],
  },
  {
    name: 'Kitchen',
    color: 1,
    gear: [
      { name: 'PocketRocket 2 stove', brand: 'MSR', grams: 73, price: 50 },
      { name: 'Titanium 750 ml pot', brand: 'Toaks', grams: 103, price: 40 },
      { name: 'Long-handle titanium spoon', brand: 'Toaks', grams: 19, price: 12 },
      { name: 'Mini lighter', brand: 'BIC', grams: 11, price: 2 },
      {
        name: 'IsoPro fuel canister 110 g',
        brand: 'MSR',
        grams: 206,
        consumable: true,
        price: 7,
        notes: 'Full weight. One canister lasts a 3-day trip with hot breakfasts and dinners.',
      },
      { name: 'Odor-proof food bag', brand: 'Opsak', grams: 35, price: 12 },
    ],
  },
  {
    name: 'Water',
    color: 5,
    gear: [
      { name: 'Squeeze water filter', brand: 'Sawyer', grams: 85, price: 40 },
      { name: '1 L water bottle', brand: 'Smartwater', grams: 38, qty: 2, price: 2 },
      { name: 'Vecto 2 L dirty-water bag', brand: 'CNOC', grams: 88, price: 25 },
      {
        name: 'Drinking water (1 L)',
        brand: '',
        grams: 1000,
        qty: 2,
        consumable: true,
        notes: 'What you carry between sources.',
      },
    ],
  },
  {
    name: 'Clothing',
    color: 6,
    gear: [
      { name: 'Helium rain jacket', brand: 'Outdoor Research', grams: 181, price: 170 },
      { name: 'Superior down jacket', brand: 'Montbell', grams: 210, price: 200 },
      { name: 'Merino 150 long-sleeve top', brand: 'Smartwool', grams: 170, price: 85 },
      { name: 'Capilene Cool Daily shirt', brand: 'Patagonia', grams: 113, worn: 1, price: 45 },
      { name: 'Strider Pro shorts', brand: 'Patagonia', grams: 105, worn: 1, price: 69 },
      { name: 'Lone Peak 8 trail runners (pair)', brand: 'Altra', grams: 620, worn: 1, price: 150 },
      {
        name: 'Light Hiker socks (pair)',
        brand: 'Darn Tough',
        grams: 55,
        qty: 2,
        worn: 1,
        price: 24,
      },
      { name: 'Give-N-Go boxer briefs', brand: 'ExOfficio', grams: 70, qty: 2, worn: 1, price: 26 },
      { name: 'Sun Runner cap', brand: 'Outdoor Research', grams: 77, worn: 1, price: 40 },
      { name: 'Polarized sunglasses', brand: 'Goodr', grams: 25, worn: 1, price: 25 },
    ],
  },
  {
    name: 'Navigation & safety',
    color: 0,
    gear: [
      {
        name: 'Distance Carbon Z trekking pole',
        brand: 'Black Diamond',
        grams: 145,
        qty: 2,
        worn: 2,
        price: 95,
      },
      { name: 'NU25 UL headlamp', brand: 'Nitecore', grams: 45, price: 37 },
      { name: 'Smartphone with offline maps', brand: 'Apple', grams: 171 },
      { name: 'NB10000 power bank', brand: 'Nitecore', grams: 150, price: 60 },
      {
        name: 'Ultralight/Watertight .5 first aid kit',
        brand: 'Adventure Medical Kits',
        grams: 227,
        price: 30,
      },
      { name: 'Classic SD pocket knife', brand: 'Victorinox', grams: 21, price: 25 },
      { name: 'A-10 compass', brand: 'Suunto', grams: 30, price: 25 },
      { name: 'Waterproof trail map', brand: 'National Geographic', grams: 80, price: 15 },
    ],
  },
  {
    name: 'Food & consumables',
    color: 2,
    gear: [
      {
        name: 'Breakfast: granola with milk powder',
        brand: '',
        grams: 120,
        qty: 3,
        consumable: true,
      },
      {
        name: 'Lunch: tortillas, cheese and salami',
        brand: '',
        grams: 280,
        qty: 3,
        consumable: true,
      },
      {
        name: 'Freeze-dried dinner',
        brand: 'Mountain House',
        grams: 140,
        qty: 2,
        consumable: true,
        price: 12,
      },
      { name: 'Energy bar', brand: 'Clif Bar', grams: 68, qty: 6, consumable: true, price: 2 },
      { name: 'Trail mix (one day)', brand: '', grams: 150, qty: 3, consumable: true },
      {
        name: 'Sunscreen SPF 50, 1 oz',
        brand: 'Neutrogena',
        grams: 40,
        consumable: true,
        price: 8,
      },
      { name: 'Toilet paper', brand: '', grams: 30, consumable: true },
      { name: 'Deuce #2 trowel', brand: 'The Tent Lab', grams: 17, price: 20 },
    ],
  },
];

export const SAMPLE_PACK_NAME = 'Summer 3-day';

export interface SampleRows {
  items: Item[];
  lists: List[];
  listEntries: ListEntry[];
  packs: Pack[];
  packLists: PackList[];
  trips: Trip[];
}

/** `today` plus `days`, as the local calendar date `YYYY-MM-DD`. */
export function localDateAfter(today: Date, days: number): string {
  const date = new Date(today.getFullYear(), today.getMonth(), today.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function itemRow(gear: SampleGear, id: string): Item {
  return {
    id,
    name: gear.name,
    brand: gear.brand,
    weightGrams: gear.grams,
    weightUnit: null,
    priceCents: gear.price === undefined ? null : gear.price * 100,
    currency: gear.price === undefined ? null : 'USD',
    url: null,
    notes: gear.notes ?? '',
    color: null,
    status: 'owned',
    deleted: false,
  };
}

/**
 * Every row of the sample, with fresh ids: lists of items, one pack of all the lists and
 * one trip with that pack, starting two weeks after `today` (the device's local date).
 */
export function buildSampleData(today: Date, makeId: () => string = newId): SampleRows {
  const rows: SampleRows = {
    items: [],
    lists: [],
    listEntries: [],
    packs: [],
    packLists: [],
    trips: [],
  };
  const packId = makeId();
  const listKeys = keysAfterLast([], SAMPLE_LISTS.length);

  SAMPLE_LISTS.forEach((list, index) => {
    const listId = makeId();
    const sortKey = listKeys[index] ?? 'a0';
    rows.lists.push({
      id: listId,
      name: list.name,
      notes: '',
      color: list.color,
      sortKey,
      deleted: false,
    });
    rows.packLists.push({ id: joinId(packId, listId), packId, listId, sortKey, deleted: false });
    const entryKeys = keysAfterLast([], list.gear.length);
    list.gear.forEach((gear, position) => {
      const itemId = makeId();
      rows.items.push(itemRow(gear, itemId));
      rows.listEntries.push({
        id: joinId(listId, itemId),
        listId,
        itemId,
        qty: gear.qty ?? 1,
        wornQty: gear.worn ?? 0,
        consumable: gear.consumable ?? false,
        sortKey: entryKeys[position] ?? 'a0',
        deleted: false,
      });
    });
  });

  rows.packs.push({
    id: packId,
    name: SAMPLE_PACK_NAME,
    notes: 'Sample pack: everything for three summer days on the trail. Change it or remove it.',
    color: 3,
    sortKey: 'a0',
    deleted: false,
  });
  rows.trips.push({
    id: makeId(),
    name: 'High lakes loop',
    packId,
    startDate: localDateAfter(today, 14),
    endDate: localDateAfter(today, 16),
    location: 'Sierra Nevada, California',
    notes: 'Sample trip: tick items off as you pack them.',
    color: 4,
    checksResetAt: null,
    deleted: false,
  });
  return rows;
}
