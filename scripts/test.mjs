// `npm test`: every check a submission must pass, in order of cost. Stops at the
// first failing step and ends with one plain "N passed, N failed" line that totals
// the unit and browser suites.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tally = join(mkdtempSync(join(tmpdir(), 'pyb-tally-')), 'tally.txt');
const env = { ...process.env, PYB_TEST_TALLY: tally };

const steps = [
  ['typecheck', 'npm run typecheck'],
  ['lint', 'npm run lint'],
  ['unit and integration tests', 'npm run test:unit'],
  ['build', 'npm run build'],
  ['gallery', 'npm run build-storybook'],
  ['story tests (light and dark, axe) and the gallery index', 'npm run test:stories'],
  ['browser tests', 'npm run test:e2e'],
];

function totals() {
  if (!existsSync(tally)) return [0, 0, 0];
  return readFileSync(tally, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' ').map(Number))
    .reduce((sum, row) => sum.map((v, i) => v + (row[i] ?? 0)), [0, 0, 0]);
}

for (const [name, command] of steps) {
  console.log(`\n=== ${name}: ${command}`);
  const started = Date.now();
  const { status } = spawnSync(command, { shell: true, stdio: 'inherit', env });
  console.log(
    `=== ${name}: ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (status !== 0) {
    const [passed, failed, skipped] = totals();
    console.log(`\nnpm test stopped: step "${name}" failed.`);
    console.log(`all: ${passed} passed, ${Math.max(failed, 1)} failed, ${skipped} skipped`);
    process.exit(status ?? 1);
  }
}
const [passed, failed, skipped] = totals();
console.log(`\nall: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
