// The operations of a generated schedule and their fast-check arbitrary. Devices index
// DEVICES, rows index ROWS; an edit picks a field and a value index from EDITS.
// Backups and restores are SQLite's (the file copy and `admin restore`); PostgreSQL is
// backed up with pg_dump and restored with pg_restore, outside the server, so its
// schedules leave them out.
import fc from 'fast-check';
import type { StorageEngine } from '../../../server/storage/storage';
import { FAULTS, type Fault } from '../test-support/nemesis';
import { DEVICES, ROWS } from './model-world';

export type Op =
  | { kind: 'edit'; device: number; row: number; field: number; value: number }
  | { kind: 'delete'; device: number; row: number }
  | { kind: 'sync'; device: number }
  | { kind: 'fault'; device: number; fault: Fault }
  | { kind: 'partition'; device: number }
  | { kind: 'deliver-delayed' }
  | { kind: 'crash'; device: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'purge' }
  | { kind: 'backup' }
  | { kind: 'restore' };

export interface Schedule {
  /** Each device's clock offset from the server's, within ±2 minutes. */
  skews: number[];
  ops: Op[];
}

const device = fc.integer({ min: 0, max: DEVICES.length - 1 });
const row = fc.integer({ min: 0, max: ROWS.length - 1 });

const commonOps: fc.WeightedArbitrary<Op>[] = [
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      device,
      row,
      field: fc.nat(5),
      value: fc.nat(7),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), device, row }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('sync' as const), device }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('fault' as const),
      device,
      fault: fc.constantFrom(...FAULTS),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('partition' as const), device }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'deliver-delayed' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('crash' as const), device }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.integer({ min: 1, max: 20_000 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'purge' as const }) },
];

const sqliteOnlyOps: fc.WeightedArbitrary<Op>[] = [
  { weight: 1, arbitrary: fc.constant({ kind: 'backup' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restore' as const }) },
];

/** The operations a schedule on `engine` draws from. */
export function opArbitrary(engine: StorageEngine): fc.Arbitrary<Op> {
  return fc.oneof(...commonOps, ...(engine === 'sqlite' ? sqliteOnlyOps : []));
}

/** Schedules for a server on `engine`. */
export function scheduleArbitrary(engine: StorageEngine): fc.Arbitrary<Schedule> {
  return fc.record({
    skews: fc.array(fc.integer({ min: -120_000, max: 120_000 }), {
      minLength: DEVICES.length,
      maxLength: DEVICES.length,
    }),
    ops: fc.array(opArbitrary(engine), { minLength: 15, maxLength: 45 }),
  });
}
