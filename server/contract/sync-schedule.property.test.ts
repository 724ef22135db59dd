// docs/api.md "Sync", end to end: three devices of one user, each with its own
// nodeId and a local clock off by up to ±5 minutes, write cells and sync in a
// random interleaving (some syncs at the same moment, small page limits). Each
// device keeps its cells merged by max hlc ([M1]), a hybrid logical clock
// ([C3] tick on a write, [C4] receive on a pull) and a cursor. When all have
// synced to quiescence, every device and the server hold exactly the
// reference (per cell, the write with the greatest hlc) and no cursor ever
// went back.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import {
  formatHlc,
  initialHlcState,
  parseHlc,
  receive,
  tick,
  type HlcState,
} from '../../shared/hlc';
import type { SyncChange } from '../../shared/protocol';
import { createTestApp, manualClock, type TestApp } from '../test-support/fixture';
import {
  asObject,
  change,
  checkAsyncProperty,
  cursorNotBefore,
  mergeInto,
  MINUTE_MS,
  NODE_A,
  NODE_B,
  NODE_C,
  serverState,
  signIn,
  signUp,
  sync,
  syncBody,
  expectOk,
  T0,
  type App,
  type CellValue,
} from '../test-support/sync-client';

const CELLS = [
  ['items', 'i1', 'name'],
  ['items', 'i1', 'weightGrams'],
  ['items', 'i1', 'deleted'],
  ['items', 'i2', 'name'],
  ['listEntries', 'l1:i1', 'qty'],
  ['settings', 'settings', 'units'],
] as const;
const UNITS = ['g', 'kg', 'oz', 'lb'];

function valueFor(field: string, stamp: string, n: number): unknown {
  switch (field) {
    case 'name':
      return `name ${stamp}`;
    case 'deleted':
      return n % 2 === 0;
    case 'units':
      return UNITS[n % UNITS.length];
    default:
      return n;
  }
}

type Action =
  | { kind: 'write'; device: number; cell: number }
  | { kind: 'sync'; device: number; limit: number | undefined }
  | { kind: 'syncTogether'; devices: [number, number] }
  | { kind: 'wait'; ms: number };

const deviceArb = fc.integer({ min: 0, max: 2 });
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('write' as const),
      device: deviceArb,
      cell: fc.nat(CELLS.length - 1),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      device: deviceArb,
      limit: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('syncTogether' as const),
      devices: fc.tuple(deviceArb, deviceArb),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      ms: fc.integer({ min: 0, max: 20_000 }),
    }),
  },
);

const scheduleArb = fc.record({
  offsets: fc.tuple(
    ...[0, 1, 2].map(() => fc.integer({ min: -5 * MINUTE_MS, max: 5 * MINUTE_MS })),
  ),
  actions: fc.array(actionArb, { maxLength: 30 }),
});

class Device {
  clock: HlcState;
  cells = new Map<string, CellValue>();
  cursor = '';
  pending: SyncChange[] = [];

  constructor(
    readonly node: string,
    readonly token: string,
    readonly offset: number,
    readonly serverNow: () => number,
  ) {
    this.clock = initialHlcState(node);
  }

  localNow(): number {
    return this.serverNow() + this.offset;
  }

  write(table: string, id: string, field: string, n: number): SyncChange {
    this.clock = tick(this.clock, this.localNow());
    const stamp = formatHlc(this.clock);
    const written = change(table, id, field, valueFor(field, stamp, n), stamp);
    const before = this.cells.get(`${table}/${id}/${field}`);
    expect(before === undefined || stamp > before.hlc, '[C4] a local write beats all seen').toBe(
      true,
    );
    mergeInto(this.cells, [written]);
    this.pending.push(written);
    return written;
  }

  /** One round trip; returns whether the server said there is more. */
  async sync(app: App, limit?: number): Promise<boolean> {
    const answer = expectOk(
      await sync(app, this.token, syncBody(this.node, this.pending, this.cursor, limit)),
    );
    this.pending = [];
    mergeInto(this.cells, answer.changes);
    for (const c of answer.changes) {
      const remote = parseHlc(c.hlc);
      expect(remote, c.hlc).not.toBeNull();
      if (remote) this.clock = receive(this.clock, remote, this.localNow());
    }
    expect(
      cursorNotBefore(this.cursor, answer.cursor),
      `cursor ${this.cursor} → ${answer.cursor}`,
    ).toBe(true);
    this.cursor = answer.cursor;
    return answer.more;
  }
}

describe('[API Sync] three devices converge', () => {
  const clock = manualClock(T0);
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(() => t.close());

  checkAsyncProperty(
    '[M1][M2][C3][C4] a random three-device schedule converges to the max-hlc reference',
    fc.asyncProperty(scheduleArb, async ({ offsets, actions }) => {
      const first = await signUp(t.app);
      const others = [await signIn(t.app, first), await signIn(t.app, first)];
      const devices = [first, ...others].map(
        (user, i) =>
          new Device([NODE_A, NODE_B, NODE_C][i] ?? NODE_A, user.token, offsets[i] ?? 0, clock.now),
      );
      const reference = new Map<string, CellValue>();
      const device = (i: number) => devices[i] ?? devices[0] ?? fail();
      let n = 0;

      for (const action of actions) {
        if (action.kind === 'write') {
          const [table, id, field] = CELLS[action.cell] ?? CELLS[0];
          mergeInto(reference, [device(action.device).write(table, id, field, (n += 1))]);
        } else if (action.kind === 'sync') {
          await device(action.device).sync(t.app, action.limit);
        } else if (action.kind === 'syncTogether') {
          const [x, y] = action.devices;
          await Promise.all(
            x === y ? [device(x).sync(t.app)] : [device(x).sync(t.app), device(y).sync(t.app)],
          );
        } else {
          clock.advance(action.ms);
        }
      }

      for (let round = 0; round < 2; round += 1) {
        for (const d of devices) {
          let more = true;
          while (more) more = await d.sync(t.app);
        }
      }
      const expected = asObject(reference);
      for (const d of devices) {
        expect(d.pending).toEqual([]);
        expect(asObject(d.cells), d.node).toEqual(expected);
      }
      expect(await serverState(t.app, first.token)).toEqual(expected);
    }),
    { numRuns: 40 },
  );
});

function fail(): never {
  throw new Error('no such device');
}
