import { afterEach, describe, expect, it } from 'vitest';
import { isHlc, parseHlc } from '../../shared/hlc';
import { SAMPLE_ROWS } from '../../shared/test-support/sample-rows';
import { openDatabase, type PybDatabase } from './db';
import { CLOCK_FIELD } from './hlc-middleware';

let database: PybDatabase | undefined;
let counter = 0;
async function fresh(): Promise<PybDatabase> {
  database = openDatabase(`hlc-mw-${++counter}`);
  await database.open();
  return database;
}
afterEach(async () => {
  await database?.delete({ disableAutoOpen: false });
  database?.close();
  database = undefined;
});

const stampsOf = async (d: PybDatabase, id: string) =>
  ((await d.items.get(id)) as unknown as Record<string, Record<string, string>>)[CLOCK_FIELD] ?? {};

describe('hlc middleware', () => {
  it('stamps every field of a new row with one fresh hlc of this node', async () => {
    const d = await fresh();
    await d.items.put({ ...SAMPLE_ROWS.items, id: 'a' });
    const stamps = await stampsOf(d, 'a');
    const fields = Object.keys(SAMPLE_ROWS.items).filter((f) => f !== 'id');
    expect(Object.keys(stamps).sort()).toEqual(fields.sort());
    const values = new Set(Object.values(stamps));
    expect(values.size).toBe(1);
    const [hlc] = [...values];
    expect(isHlc(hlc)).toBe(true);
    const nodeId = (await d.meta.get('nodeId'))?.value;
    expect(parseHlc(hlc ?? '')?.node).toBe(nodeId);
    expect((await d.meta.get('hlc'))?.value).toBe(hlc);
  });

  it('re-stamps only the fields that changed, with a later hlc', async () => {
    const d = await fresh();
    await d.items.put({ ...SAMPLE_ROWS.items, id: 'a' });
    const before = await stampsOf(d, 'a');
    await d.items.update('a', { name: 'Tarp', weightGrams: SAMPLE_ROWS.items.weightGrams });
    const after = await stampsOf(d, 'a');
    expect(after['name'] && before['name'] && after['name'] > before['name']).toBe(true);
    for (const field of Object.keys(before).filter((f) => f !== 'name'))
      expect(after[field]).toBe(before[field]);
  });

  it('gives concurrent writes of one transaction distinct, increasing stamps', async () => {
    const d = await fresh();
    await d.transaction('rw', d.items, async () => {
      await Promise.all(['a', 'b', 'c'].map((id) => d.items.add({ ...SAMPLE_ROWS.items, id })));
    });
    const names = await Promise.all(
      ['a', 'b', 'c'].map(async (id) => (await stampsOf(d, id))['name']),
    );
    expect(new Set(names).size).toBe(3);
  });

  it('keeps the clock monotonic across transactions and database reopen', async () => {
    const d = await fresh();
    const seen: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      await d.items.put({ ...SAMPLE_ROWS.items, id: 'a', name: `n${i}` });
      seen.push((await stampsOf(d, 'a'))['name'] ?? '');
    }
    d.close();
    await d.open();
    await d.items.update('a', { name: 'after reopen' });
    seen.push((await stampsOf(d, 'a'))['name'] ?? '');
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('[L2] refuses hard deletes of synced rows, leaving the data intact', async () => {
    const d = await fresh();
    await d.items.put({ ...SAMPLE_ROWS.items, id: 'a' });
    await expect(d.items.delete('a')).rejects.toThrow(/deleted: true/);
    await expect(d.items.clear()).rejects.toThrow(/deleted: true/);
    expect(await d.items.count()).toBe(1);
  });

  it('leaves local tables alone', async () => {
    const d = await fresh();
    await d.meta.put({ key: 'cursor', value: 'x' });
    await d.meta.delete('cursor');
    expect(await d.meta.get('cursor')).toBeUndefined();
  });
});
