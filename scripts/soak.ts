// `npm run soak -- --schedules 10000 [--seed N]`: the model-based sync test of
// client/sync/model-check at length, outside vitest. Prints one summary line; on a failure,
// the seed and the shrunk schedule that replays it (also with PYB_SEED in vitest).
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { createTestApp, manualClock } from '../server/test-support/fixture';
import { runSchedule } from '../client/sync/model-check/run-schedule';
import { scheduleArbitrary } from '../client/sync/model-check/schedule';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const raw = at >= 0 ? process.argv[at + 1] : undefined;
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) {
    console.error(`--${name} needs a whole number, got ${raw}`);
    process.exit(2);
  }
  return value;
}

const schedules = option('schedules', 1000);
const seed = option('seed', Math.floor(Math.random() * 2 ** 31));
const clock = manualClock(Date.parse('2026-11-26T10:00:00.000Z'));
const test = await createTestApp({ clock, env: { LOG_LEVEL: 'silent' } });
test.deps.logger.level = 'silent';
const started = performance.now();
let ops = 0;
const result = await fc.check(
  fc.asyncProperty(scheduleArbitrary(test.engine), async (schedule) => {
    ops += schedule.ops.length;
    await runSchedule({ test, clock }, schedule);
  }),
  { numRuns: schedules, seed },
);
test.close();
const seconds = ((performance.now() - started) / 1000).toFixed(0);
if (result.failed) {
  console.log(
    `soak: FAILED after ${result.numRuns} of ${schedules} schedules (seed ${seed}, ${seconds} s)`,
  );
  console.log(`counterexample: ${JSON.stringify(result.counterexample)}`);
  console.log(String(result.errorInstance));
  console.log(
    `replay: PYB_SEED=${seed} PYB_NUM_RUNS=${schedules} npx vitest run client/sync/model-check`,
  );
  process.exit(1);
}
console.log(
  `soak: ${result.numRuns} schedules passed, ${ops} operations, 0 failures (seed ${seed}, ${seconds} s)`,
);
