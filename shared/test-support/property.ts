// Property tests with a fixed, replayable seed (docs/style.md habit 4). Every property runs with the
// same seed, 20261126 unless PYB_SEED says otherwise, so CI is deterministic; a failure
// message names the seed and the command that replays it:
//   PYB_SEED=<seed> npx vitest run --project shared -t '<test name, regex-escaped>'
// PYB_NUM_RUNS raises the number of runs for a long local or nightly run. Each shrunk
// counterexample should then become a plain table-driven test case.
import fc from 'fast-check';
import { it } from 'vitest';

// Read through globalThis: shared code compiles without Node types, and vitest runs in Node.
const env =
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};

export const PROPERTY_SEED = readInteger('PYB_SEED', 20261126);
export const PROPERTY_RUNS = readInteger('PYB_NUM_RUNS', 200);

/** Runs a property now; on failure rethrows with the replay command added. */
export function assertProperty<Ts extends [unknown, ...unknown[]]>(
  name: string,
  property: fc.IProperty<Ts>,
  opts: fc.Parameters<Ts> = {},
): void {
  const seed = opts.seed ?? PROPERTY_SEED;
  try {
    fc.assert(property, { numRuns: PROPERTY_RUNS, ...opts, seed });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const replay = `PYB_SEED=${seed} npx vitest run --project shared -t ${shellQuote(escapeRegExp(name))}`;
    throw new Error(`${message}\n\nReplay with: ${replay}`, { cause: error });
  }
}

/** Registers a vitest test that checks the property with the fixed seed. */
export function checkProperty<Ts extends [unknown, ...unknown[]]>(
  name: string,
  property: fc.IProperty<Ts>,
  opts: fc.Parameters<Ts> = {},
): void {
  it(name, () => assertProperty(name, property, opts));
}

/** The async twin of assertProperty, for properties that await (HTTP, IndexedDB). */
export async function assertAsyncProperty<Ts extends [unknown, ...unknown[]]>(
  name: string,
  property: fc.IAsyncProperty<Ts>,
  opts: fc.Parameters<Ts> = {},
  project = 'shared',
): Promise<void> {
  const seed = opts.seed ?? PROPERTY_SEED;
  try {
    await fc.assert(property, { numRuns: PROPERTY_RUNS, ...opts, seed });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const replay = `PYB_SEED=${seed} npx vitest run --project ${project} -t ${shellQuote(escapeRegExp(name))}`;
    throw new Error(
      `${message}

Replay with: ${replay}`,
      { cause: error },
    );
  }
}

/** Registers a vitest test that checks an async property with the fixed seed. */
export function checkAsyncProperty<Ts extends [unknown, ...unknown[]]>(
  name: string,
  property: fc.IAsyncProperty<Ts>,
  opts: fc.Parameters<Ts> & { project?: string; timeoutMs?: number } = {},
): void {
  const { project, timeoutMs, ...params } = opts;
  it(
    name,
    () => assertAsyncProperty(name, property, params as fc.Parameters<Ts>, project),
    timeoutMs,
  );
}

function readInteger(name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got ${raw}`);
  return value;
}

/** vitest's -t takes a regular expression, and rule ids like [C5] are character classes. */
function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
