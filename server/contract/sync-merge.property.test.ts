// docs/api.md "Sync" merge rule [M1]-[M5]: "the value with the greater hlc wins; an
// equal hlc is the same write. So a push can be repeated, reordered or
// interleaved with other devices and the result is the same." Random writes to
// a few cells from three nodes, pushed in a random order, in random batches,
// some twice, must leave exactly the per-cell max-hlc reference on the server.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { SyncChange } from '../../shared/protocol';
import { createTestApp, manualClock, type TestApp } from '../test-support/fixture';
import {
  asObject,
  change,
  checkAsyncProperty,
  hlc,
  latestCells,
  NODE_A,
  NODE_B,
  NODE_C,
  serverState,
  signUp,
  syncBody,
  syncOk,
  T0,
} from '../test-support/sync-client';

const NODES = [NODE_A, NODE_B, NODE_C];
const CELLS = [
  ['items', 'i1', 'name'],
  ['items', 'i1', 'weightGrams'],
  ['items', 'i2', 'name'],
  ['listEntries', 'l1:i1', 'qty'],
] as const;

interface Write {
  node: string;
  change: SyncChange;
}

/**
 * A write to one of a few cells, its hlc from a small pool (ties are common),
 * its value a function of the hlc: honest nodes never reuse an hlc [M5].
 */
const writeArb: fc.Arbitrary<Write> = fc
  .record({
    node: fc.constantFrom(...NODES),
    cell: fc.nat(CELLS.length - 1),
    millis: fc.integer({ min: 0, max: 3 }),
    counter: fc.integer({ min: 0, max: 2 }),
  })
  .map(({ node, cell, millis, counter }) => {
    const [table, id, field] = CELLS[cell] ?? CELLS[0];
    const stamp = hlc(node, T0 - 10_000 + millis, counter);
    const n = millis * 100 + counter * 10 + NODES.indexOf(node);
    const value = field === 'name' ? `v ${stamp}` : n;
    return { node, change: change(table, id, field, value, stamp) };
  });

/** The writes, then an arrival order of their indexes: a permutation with some repeats. */
const scenarioArb = fc.array(writeArb, { minLength: 1, maxLength: 24 }).chain((writes) => {
  const indexes = writes.map((_, i) => i);
  return fc.record({
    writes: fc.constant(writes),
    order: fc.shuffledSubarray(indexes, { minLength: writes.length }),
    repeats: fc.array(fc.record({ index: fc.nat(writes.length - 1), at: fc.nat(writes.length) }), {
      maxLength: 6,
    }),
    cuts: fc.array(fc.boolean(), { minLength: writes.length + 6, maxLength: writes.length + 6 }),
  });
});

/** Consecutive writes of one node, cut where `cuts` says: each batch is one push. */
function batches(writes: Write[], arrival: number[], cuts: boolean[]): Write[][] {
  const out: Write[][] = [];
  arrival.forEach((index, i) => {
    const w = writes[index];
    if (!w) throw new Error(`no write ${index}`);
    const current = out.at(-1);
    if (current && current[0]?.node === w.node && !cuts[i]) current.push(w);
    else out.push([w]);
  });
  return out;
}

describe('[API Sync][M1]-[M5] merge on the server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock: manualClock(T0) });
  });
  afterAll(() => t.close());

  checkAsyncProperty(
    '[M1][M2][M4] greater hlc wins in any arrival order, batching and duplication',
    fc.asyncProperty(scenarioArb, async ({ writes, order, repeats, cuts }) => {
      const user = await signUp(t.app);
      const arrival = [...order];
      for (const { index, at } of repeats) arrival.splice(at, 0, index);
      for (const batch of batches(writes, arrival, cuts)) {
        const node = batch[0]?.node ?? NODE_A;
        const pushed = batch.map((w) => w.change);
        await syncOk(t.app, user.token, syncBody(node, pushed, '', 5000));
      }
      const expected = asObject(latestCells(writes.map((w) => w.change)));
      expect(await serverState(t.app, user.token)).toEqual(expected);
    }),
    { numRuns: 50 },
  );
});
