// docs/api.md "Sync" errors: `400 invalid_request` for an unknown table or field, a
// value of the wrong type or out of range, a bad id, a bad hlc or an hlc from
// another node, with `details: {index, reason}` naming the change at fault;
// and "Any error means nothing of the push was applied". The limits are those
// of "Tables and fields" ([S1]-[S7], [P1]); the edges that pass are checked too,
// and must be stored exactly as sent ([S3]).
import { describe, expect, it } from 'vitest';
import type { SyncChange } from '../../shared/protocol';
import {
  blockUser,
  change,
  expectBadChange,
  hlc,
  NODE_A,
  NODE_B,
  serverState,
  sharedApp,
  signUp,
  sync,
  syncBody,
  syncOk,
  T0,
} from '../test-support/sync-client';

const s = sharedApp();
const H = hlc(NODE_A, T0 - 60_000);
const item = (field: string, value: unknown, id = 'i1') => change('items', id, field, value, H);
const longUrl = (n: number) => `https://example.com/${'a'.repeat(n - 20)}`;

type Case = [string, SyncChange];

const UNKNOWN_TABLES: Case[] = ['users', 'Items', 'item', '__proto__', 'constructor', ''].map(
  (table) => [`table ${JSON.stringify(table)}`, change(table, 'i1', 'name', 'Tent', H)],
);

const UNKNOWN_FIELDS: Case[] = [
  'size',
  'Name',
  'id',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
].map((field) => [`items field ${JSON.stringify(field)}`, item(field, 'x')]);

const WRONG_TYPES: Case[] = [
  ['items.name 5', item('name', 5)],
  ['items.name null', item('name', null)],
  ['items.weightGrams "12"', item('weightGrams', '12')],
  ['items.deleted "true"', item('deleted', 'true')],
  ['items.deleted null', item('deleted', null)],
  ['items.status "lost"', item('status', 'lost')],
  ['items.notes an object', item('notes', { text: 'x' })],
  ['items.brand an array', item('brand', ['x'])],
  ['listEntries.consumable 1', change('listEntries', 'l1:i1', 'consumable', 1, H)],
  ['settings.units "stone"', change('settings', 'settings', 'units', 'stone', H)],
  ['settings.theme null', change('settings', 'settings', 'theme', null, H)],
  ['lists.sortKey ""', change('lists', 'l1', 'sortKey', '', H)],
  ['lists.sortKey non-ASCII', change('lists', 'l1', 'sortKey', 'aé', H)],
  ['lists.sortKey 65 chars', change('lists', 'l1', 'sortKey', 'a'.repeat(65), H)],
];

const OUT_OF_RANGE: Case[] = [
  ['qty 10001', change('listEntries', 'l1:i1', 'qty', 10001, H)],
  ['qty -1', change('listEntries', 'l1:i1', 'qty', -1, H)],
  ['qty 1.5', change('listEntries', 'l1:i1', 'qty', 1.5, H)],
  ['wornQty 10001', change('listEntries', 'l1:i1', 'wornQty', 10001, H)],
  ['weightGrams -1', item('weightGrams', -1)],
  ['weightGrams 1e6 + 1', item('weightGrams', 1e6 + 1)],
  ['priceCents 1.5', item('priceCents', 1.5)],
  ['priceCents -1', item('priceCents', -1)],
  ['priceCents 1e9 + 1', item('priceCents', 1e9 + 1)],
  ["name '   '", item('name', '   ')],
  ["name ''", item('name', '')],
  ['name of tabs and newlines', item('name', '\t\n')],
  ['name 201 chars', item('name', 'x'.repeat(201))],
  ['name 101 emoji (202 UTF-16 units)', item('name', '😀'.repeat(101))],
  ['notes 5001 chars', item('notes', 'x'.repeat(5001))],
  ['brand 201 chars', item('brand', 'x'.repeat(201))],
  ['trips.location 201 chars', change('trips', 't1', 'location', 'x'.repeat(201), H)],
  ["currency 'usd'", item('currency', 'usd')],
  ["currency 'US'", item('currency', 'US')],
  ["url 'ftp://x'", item('url', 'ftp://x')],
  ["url 'https:///x'", item('url', 'https:///x')],
  ["url ' https://x.org'", item('url', ' https://x.org')],
  ['url 2001 chars', item('url', longUrl(2001))],
  ["startDate '2026-02-30'", change('trips', 't1', 'startDate', '2026-02-30', H)],
  ["endDate '2026-13-01'", change('trips', 't1', 'endDate', '2026-13-01', H)],
  ["startDate '26-01-01'", change('trips', 't1', 'startDate', '26-01-01', H)],
  ['color 10', item('color', 10)],
  ['color -1', item('color', -1)],
  ['color 1.5', item('color', 1.5)],
  ["checksResetAt 'yesterday'", change('trips', 't1', 'checksResetAt', 'yesterday', H)],
];

const BAD_IDS: Case[] = [
  ['id of 81 chars', item('name', 'Tent', 'a'.repeat(81))],
  ['id with a space', item('name', 'Tent', 'i 1')],
  ['empty id', item('name', 'Tent', '')],
  ['id with a slash', item('name', 'Tent', 'i/1')],
  ['id with a non-ASCII letter', item('name', 'Tent', 'ü1')],
  ['join id without a colon', change('listEntries', 'l1i1', 'qty', 1, H)],
  ['join id with nothing before the colon', change('listEntries', ':i1', 'qty', 1, H)],
  ['settings id other than "settings"', change('settings', 'prefs', 'units', 'g', H)],
  ['listEntries listId disagreeing with the id', change('listEntries', 'l1:i1', 'listId', 'l2', H)],
  ['listEntries itemId disagreeing with the id', change('listEntries', 'l1:i1', 'itemId', 'i2', H)],
  ['packLists packId disagreeing with the id', change('packLists', 'p1:l1', 'packId', 'p2', H)],
  ['tripChecks itemId disagreeing with the id', change('tripChecks', 't1:i1', 'itemId', 'x', H)],
];

const HLCS: [string, string][] = [
  ['upper-case hex node', item('name', 'Tent').hlc.replace(/aa$/, 'AA')],
  ['upper-case hex counter', '2026-11-26T09:59:00.000Z-00AF-00000000000000aa'],
  ['time without ms', '2026-11-26T09:59:00Z-0000-00000000000000aa'],
  ['time with an offset', '2026-11-26T09:59:00.000+00:00-0000-00000000000000aa'],
  ['impossible date Feb 30', '2026-02-30T09:59:00.000Z-0000-00000000000000aa'],
  ['3-digit counter', '2026-11-26T09:59:00.000Z-000-00000000000000aa'],
  ['no node', '2026-11-26T09:59:00.000Z-0000'],
  ['empty', ''],
];
const BAD_HLCS = HLCS.map(([name, stamp]): Case => [
  `hlc ${name}`,
  { ...item('name', 'Tent'), hlc: stamp },
]);

const CASES: [string, Case[]][] = [
  ['[P1] unknown table', UNKNOWN_TABLES],
  ['[P1] unknown field (own keys only)', UNKNOWN_FIELDS],
  ['[S1] value of the wrong type', WRONG_TYPES],
  ['[S1][S5]-[S7] value out of range', OUT_OF_RANGE],
  ['[S4] bad id', BAD_IDS],
  ['[C1] bad hlc', BAD_HLCS],
  [
    '[P1] hlc from another node than nodeId',
    [['hlc of node B pushed as node A', change('items', 'i1', 'name', 'x', hlc(NODE_B, T0))]],
  ],
];

describe('[API Sync errors] every invalid change → 400 {index, reason}, nothing applied', () => {
  const good = (id: string) => change('items', id, 'name', 'Fine', H);
  for (const [group, cases] of CASES) {
    describe(group, () => {
      const user = blockUser(s);
      for (const [name, bad] of cases) {
        it(`${name} → 400 at its index, the valid changes around it not applied`, async () => {
          const u = user();
          const reply = await sync(s.app, u.token, syncBody(NODE_A, [good('a'), bad, good('b')]));
          expectBadChange(reply, 1);
          const first = await sync(s.app, u.token, syncBody(NODE_A, [bad, good('c')]));
          expectBadChange(first, 0);
          expect(await serverState(s.app, u.token)).toEqual({});
        });
      }
    });
  }

  it('a value left out is a bad change, not null', async () => {
    const u = await signUp(s.app);
    const noValue = { table: 'items', id: 'i1', field: 'color', hlc: H };
    const body = { ...syncBody(NODE_A), changes: [item('name', 'x'), noValue] };
    expectBadChange(await sync(s.app, u.token, body), 1);
    expect(await serverState(s.app, u.token)).toEqual({});
  });
});

describe('[S1][S3][S4] the edges that pass are accepted and stored exactly as sent', () => {
  it('boundary values, nulls where allowed, untrimmed texts, join ids and parents that agree', async () => {
    const u = await signUp(s.app);
    const changes = [
      item('name', 'x'.repeat(200)),
      item('name', '  Tent  ', 'i2'),
      item('name', '😀'.repeat(100), 'i3'),
      item('name', 'lone \ud800 surrogate', 'i4'),
      item('notes', 'nul \u0000 and \u2028', 'i4'),
      item('notes', 'x'.repeat(5000)),
      item('brand', ''),
      item('weightGrams', 1e6),
      item('weightGrams', 0.5, 'i2'),
      item('priceCents', 1e9),
      item('priceCents', null, 'i2'),
      item('currency', 'EUR'),
      item('url', longUrl(2000)),
      item('url', 'HTTPS://Example.COM/a?b#c', 'i2'),
      item('color', 9),
      item('color', null, 'i2'),
      item('weightUnit', null),
      item('weightUnit', 'oz', 'i2'),
      item('name', 'Tent', 'a'.repeat(80)),
      item('name', 'Tent', 'A-z_0:9'),
      change('listEntries', 'a:b:c', 'listId', 'a:b', H),
      change('listEntries', 'x:y:z', 'itemId', 'y:z', H),
      change('listEntries', 'l1:i1', 'listId', 'l1', H),
      change('listEntries', 'l1:i1', 'itemId', 'i1', H),
      change('packLists', 'p1:l1', 'packId', 'p1', H),
      change('packLists', 'p1:l1', 'listId', 'l1', H),
      change('tripChecks', 't1:i1', 'tripId', 't1', H),
      change('tripChecks', 't1:i1', 'itemId', 'i1', H),
      change('tripChecks', 't1:i1', 'checked', true, H),
      change('listEntries', 'l1:i1', 'qty', 10000, H),
      change('listEntries', 'l1:i1', 'wornQty', 0, H),
      change('trips', 't1', 'startDate', '2024-02-29', H),
      change('trips', 't1', 'endDate', null, H),
      change('trips', 't1', 'packId', null, H),
      change('trips', 't1', 'checksResetAt', hlc(NODE_B, T0 - 1), H),
      change('lists', 'l1', 'sortKey', ' ~'.repeat(32), H),
      change('settings', 'settings', 'units', 'lb', H),
    ];
    const answer = await syncOk(s.app, u.token, syncBody(NODE_A, changes));
    expect(answer.changes).toEqual(changes);
  });
});
