import { afterEach, describe, expect, it } from 'vitest';
import type { SyncChange, SyncResponse } from '../../shared/protocol';
import { SAMPLE_ROWS } from '../../shared/test-support/sample-rows';
import { openDatabase, type PybDatabase } from '../db/db';
import { CLOCK_FIELD } from '../db/hlc-middleware';
import { AccountChangedError, commitAnswer } from './commit-answer';
import { ensureNodeId } from '../db/node-id';

let database: PybDatabase | undefined;
let counter = 0;
async function fresh(): Promise<PybDatabase> {
  database = openDatabase(`commit-${++counter}`);
  await database.open();
  await ensureNodeId(database);
  return database;
}
afterEach(async () => {
  await database?.delete({ disableAutoOpen: false });
  database?.close();
  database = undefined;
});

const OTHER = '00000000000000bb';
const hlcAt = (iso: string, counter = 0) =>
  `${iso}-${counter.toString(16).padStart(4, '0')}-${OTHER}`;
const T1 = hlcAt('2020-01-01T00:00:00.000Z');
const T2 = hlcAt('2020-01-02T00:00:00.000Z');
const FUTURE = hlcAt('2999-01-01T00:00:00.000Z');

const cell = (field: string, value: unknown, hlc: string, id = 'i1'): SyncChange => ({
  table: 'items',
  id,
  field,
  value,
  hlc,
});
const answer = (changes: SyncChange[], cursor = '5'): SyncResponse => ({
  changes,
  cursor,
  more: false,
  serverTime: '2026-11-26T10:00:00.000Z',
});
const commit = (d: PybDatabase, changes: SyncChange[], extra: { since?: string } = {}) =>
  commitAnswer(d, {
    since: extra.since ?? '',
    answer: answer(changes),
    ackSeqs: [],
    nowMillis: Date.now(),
    seen: null,
    account: undefined,
  });
type Stored = Record<string, unknown> & { [CLOCK_FIELD]: Record<string, string> };
const rowOf = async (d: PybDatabase, id = 'i1') =>
  (await d.items.get(id)) as unknown as Stored | undefined;

describe('commitAnswer', () => {
  // Stored rows are found by the keys between the page's least and greatest id, or, when
  // that range holds far more keys than the page names, by reading every id (commit-answer.ts).
  it.each([
    ['a few stored keys between the ids', 3],
    ['more stored keys between the ids than it reads at once', 500],
  ])('merges into the rows already stored, with %s', async (_, between) => {
    const d = await fresh();
    await commit(d, [
      cell('name', 'Old a', T1, 'a'),
      cell('brand', 'Kept', T1, 'a'),
      ...Array.from({ length: between }, (_, i) => cell('name', `m${i}`, T1, `m${i}`)),
      cell('name', 'Old z', T1, 'z'),
    ]);
    await commit(d, [cell('name', 'New a', T2, 'a'), cell('name', 'Old z?', T1, 'z')], {
      since: '5',
    });
    expect(await rowOf(d, 'a')).toMatchObject({ name: 'New a', brand: 'Kept' });
    expect(await rowOf(d, 'z')).toMatchObject({ name: 'Old z' });
    expect(await d.items.count()).toBe(between + 2);
  });

  it('makes a partial row from the cells of a row it has not seen, unqueued', async () => {
    const d = await fresh();
    await commit(d, [cell('name', 'Tent', T1)]);
    expect(await rowOf(d)).toEqual({ id: 'i1', name: 'Tent', [CLOCK_FIELD]: { name: T1 } });
    expect(await d.outbox.count()).toBe(0);
  });

  it('keeps the greater hlc per field: an older pulled cell loses to the stored one', async () => {
    const d = await fresh();
    await commit(d, [cell('name', 'New', T2), cell('brand', 'Old brand', T1)]);
    await commit(d, [cell('name', 'Old', T1), cell('brand', 'New brand', T2)]);
    expect(await rowOf(d)).toMatchObject({ name: 'New', brand: 'New brand' });
    expect((await rowOf(d))?.[CLOCK_FIELD]).toEqual({ name: T2, brand: T2 });
  });

  it('lets a pulled cell win over a local write with a smaller hlc, and lose to a greater', async () => {
    const d = await fresh();
    await d.items.add({ ...SAMPLE_ROWS.items, id: 'i1', name: 'Local' });
    await commit(d, [cell('name', 'Remote old', T1), cell('notes', 'Remote future', FUTURE)]);
    expect(await rowOf(d)).toMatchObject({ name: 'Local', notes: 'Remote future' });
  });

  it('moves the clock past every pulled hlc, so the next local write wins', async () => {
    const d = await fresh();
    await commit(d, [cell('name', 'From the future', FUTURE)]);
    await d.items.update('i1', { name: 'Mine' });
    const stamp = (await rowOf(d))?.[CLOCK_FIELD]['name'] ?? '';
    expect(stamp > FUTURE).toBe(true);
    expect((await rowOf(d))?.name).toBe('Mine');
  });

  it('[L3] stores the cursor only over the one the request was sent with', async () => {
    const d = await fresh();
    expect(await commit(d, [])).toBe(true);
    expect((await d.meta.get('cursor'))?.value).toBe('5');
    expect(await commit(d, [], { since: '3' })).toBe(false);
    expect((await d.meta.get('cursor'))?.value).toBe('5');
  });

  it('[L3] deletes exactly the acknowledged outbox entries, with the merge in one transaction', async () => {
    const d = await fresh();
    await d.items.bulkAdd(
      ['i1', 'i2', 'i3', 'i4', 'i5'].map((id) => ({ ...SAMPLE_ROWS.items, id })),
    );
    const seqs = (await d.outbox.toCollection().primaryKeys()).slice(0, 3);
    await commitAnswer(d, {
      since: '',
      answer: answer([cell('name', 'x', T1, 'i2')]),
      ackSeqs: seqs,
      nowMillis: Date.now(),
      seen: null,
      account: undefined,
    });
    const left = await d.outbox.toCollection().primaryKeys();
    expect(left.some((seq) => seqs.includes(seq))).toBe(false);
    expect(left).toHaveLength(5 - 3);
  });

  it('[L4] applies nothing when the account changed while the request was out', async () => {
    const d = await fresh();
    await d.meta.put({ key: 'account', value: '{"id":"u2"}' });
    await expect(
      commitAnswer(d, {
        since: '',
        answer: answer([cell('name', 'x', T1, 'i9')]),
        ackSeqs: [],
        nowMillis: Date.now(),
        seen: null,
        account: '{"id":"u1"}',
      }),
    ).rejects.toBeInstanceOf(AccountChangedError);
    expect(await d.items.get('i9')).toBeUndefined();
    expect(await d.meta.get('cursor')).toBeUndefined();
  });
});
