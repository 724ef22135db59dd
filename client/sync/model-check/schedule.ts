// The operations of a generated schedule and their fast-check arbitrary. Devices index
// DEVICES, rows index ROWS; an edit picks a field and a value index from EDITS.
import fc from 'fast-check';
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

export const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
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
  { weight: 1, arbitrary: fc.constant({ kind: 'backup' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restore' as const }) },
);

export const scheduleArbitrary: fc.Arbitrary<Schedule> = fc.record({
  skews: fc.array(fc.integer({ min: -120_000, max: 120_000 }), {
    minLength: DEVICES.length,
    maxLength: DEVICES.length,
  }),
  ops: fc.array(opArbitrary, { minLength: 15, maxLength: 45 }),
});
