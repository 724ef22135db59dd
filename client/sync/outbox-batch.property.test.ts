// Batching the outbox (outbox-batch.ts) against a reference: whatever the entries, the
// batch size and the cells held back for clock drift, walking the outbox batch by batch
// and acknowledging each one as the sync engine does (deleting exactly `ackSeqs`) loses
// no write, and leaves queued exactly the writes held back. A write made while a batch is
// out (appended between reading and acknowledging) survives that acknowledgement. Every
// batch keeps to its cell limit and sends only cells the server's clock accepts.
import fc from 'fast-check';
import { afterEach, describe, expect } from 'vitest';
import { formatHlc } from '../../shared/hlc';
import { checkAsyncProperty } from '../../shared/test-support/property';
import { openDatabase, type PybDatabase } from '../db/db';
import { cellsOfEntry, type NewOutboxEntry, type OutboxCell } from '../db/types';
import { readBatch } from './outbox-batch';

let database: PybDatabase | undefined;
let counter = 0;
afterEach(async () => {
  await database?.delete({ disableAutoOpen: false });
  database = undefined;
});

const FIELDS = ['name', 'notes', 'qty', 'deleted'] as const;
const NODE = '0123456789abcdef';

/** One write: a row, the fields it changed, when (entries are not in hlc order). */
interface Write {
  id: string;
  fields: string[];
  millis: number;
}
const writeArb: fc.Arbitrary<Write> = fc.record({
  id: fc.constantFrom('a', 'b', 'c'),
  fields: fc.subarray([...FIELDS], { minLength: 1 }),
  millis: fc.integer({ min: 0, max: 50 }),
});

/** Distinct hlcs (the counter is the write's index), at the write's millisecond. */
function entryOf(w: Write, index: number): NewOutboxEntry {
  const hlc = formatHlc({ millis: Date.UTC(2026, 5, 1) + w.millis, counter: index, node: NODE });
  const values = Object.fromEntries(w.fields.map((f) => [f, `${f}@${index}`]));
  return { table: 'items', id: w.id, values, hlc };
}

const cellKey = (c: { id: string; field: string }) => `${c.id}/${c.field}`;

/** For each cell, the write with the greatest hlc among `entries`. */
function newest(entries: readonly NewOutboxEntry[]): Map<string, OutboxCell> {
  const cells = new Map<string, OutboxCell>();
  for (const cell of entries.flatMap(cellsOfEntry)) {
    const known = cells.get(cellKey(cell));
    if (!known || cell.hlc > known.hlc) cells.set(cellKey(cell), cell);
  }
  return cells;
}

describe('outbox batches', () => {
  checkAsyncProperty(
    'acknowledged batches lose no write, keep later writes, and stay within the limits',
    fc.asyncProperty(
      fc.array(writeArb, { minLength: 1, maxLength: 40 }),
      fc.array(writeArb, { maxLength: 5 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 0, max: 60 }),
      async (writes, concurrent, maxCells, heldAfter) => {
        database = openDatabase(`outbox-batch-${++counter}`);
        const entries = writes.map(entryOf);
        await database.outbox.bulkAdd(entries.map((e) => ({ ...e })) as never);
        // The server's clock accepts hlcs up to `heldAfter` ms; the rest are held back.
        const limit = formatHlc({
          millis: Date.UTC(2026, 5, 1) + heldAfter,
          counter: 0,
          node: NODE,
        });
        const sendable = (hlc: string) => hlc < limit;

        const server = new Map<string, OutboxCell>();
        const late: NewOutboxEntry[] = [];
        let afterSeq = 0;
        for (let round = 0; round < 100; round++) {
          const batch = await readBatch(database, afterSeq, sendable, maxCells);
          if (batch.consumed === 0) break;
          const keys = batch.changes.map(cellKey);
          expect(new Set(keys).size).toBe(keys.length);
          // Whole entries only: more than maxCells cells only when one entry alone has more.
          if (batch.changes.length > maxCells) expect(batch.ackSeqs).toHaveLength(1);
          for (const change of batch.changes) expect(sendable(change.hlc)).toBe(true);
          for (const hlc of batch.heldBack) expect(sendable(hlc)).toBe(false);
          // A write lands while the request is out.
          const write = concurrent[round];
          let lateSeq: number | undefined;
          if (write) {
            const entry = entryOf(write, writes.length + round);
            late.push(entry);
            lateSeq = await database.outbox.add({ ...entry } as never);
          }
          for (const change of batch.changes) {
            const known = server.get(cellKey(change));
            if (!known || change.hlc > known.hlc)
              server.set(cellKey(change), { ...change, table: 'items' });
          }
          await database.outbox.bulkDelete(batch.ackSeqs);
          // The acknowledgement leaves the write made meanwhile (the next round sends it).
          if (lateSeq !== undefined) expect(await database.outbox.get(lateSeq)).toBeDefined();
          afterSeq = batch.lastSeq;
        }

        // Nothing lost: for every cell, the newest write is on the server or still queued.
        const left = await database.outbox.toArray();
        const together = newest([...[...server.values()].map(asEntry), ...left]);
        expect(together).toEqual(newest([...entries, ...late]));
        // What stays queued is exactly what is held back.
        const kept = new Set(left.map((e) => e.hlc));
        for (const e of [...entries, ...late]) expect(kept.has(e.hlc)).toBe(!sendable(e.hlc));
      },
    ),
    { project: 'client', timeoutMs: 120_000, numRuns: 100 },
  );
});

function asEntry(cell: OutboxCell): NewOutboxEntry {
  return { table: cell.table, id: cell.id, values: { [cell.field]: cell.value }, hlc: cell.hlc };
}
