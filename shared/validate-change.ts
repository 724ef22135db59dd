// Is one pushed change a valid cell? [P1] The checks run in a fixed order and the first that
// fails gives the reason:
//   1 known table, 2 known field of that table, 3 value valid for the field, 4 id valid for
//   the table (and, in join tables, a parent field agreeing with the id), 5 hlc well-formed,
//   6 hlc made by the pushing node, 7 hlc not too far ahead of the server's clock.
// 1-6 are `invalid_request`, 7 is `clock_drift`. In a batch every change must be checked for
// 1-6 before any drift is reported [P2]: docs/api.md ranks 400 above 409, and a client told
// "clock_drift" would re-stamp and retry a batch that can never succeed.
import { isTooFarAhead, parseHlc } from './hlc';
import type { HlcState } from './hlc';
import type { SyncChange } from './protocol';
import type { z } from 'zod';
import {
  fieldSchemaFor,
  isIdFor,
  isJoinTable,
  isTableName,
  joinPartMatches,
  type TableName,
} from './schemas';

export type ChangeResult =
  | { ok: true; change: SyncChange }
  | { ok: false; code: 'invalid_request' | 'clock_drift'; reason: string };

export type BatchResult =
  | { ok: true }
  | { ok: false; code: 'invalid_request' | 'clock_drift'; reason: string; index: number };

/** Checks 1-5: what any cell must satisfy, whoever wrote it (also for pulled cells). */
export function validateCell(change: SyncChange): ChangeResult {
  const checked = checkCell(change);
  return typeof checked === 'string' ? invalid(checked) : { ok: true, change };
}

export interface PushOptions {
  /** A re-send after a restore ([P6]): check 6 (the pusher's own node) is skipped. */
  anyNode?: boolean;
}

/** Checks 1-7 for a change pushed by `nodeId` at the server's time `serverNowMillis`. */
export function validateChange(
  change: SyncChange,
  nodeId: string,
  serverNowMillis: number,
  options: PushOptions = {},
): ChangeResult {
  const problem = pushProblem(change, nodeId, serverNowMillis, options.anyNode === true);
  return problem ? { ok: false, ...problem } : { ok: true, change };
}

/** [P2] The first invalid change if any, else the first that drifts, else ok. */
export function validateChanges(
  changes: readonly SyncChange[],
  nodeId: string,
  serverNowMillis: number,
  options: PushOptions = {},
): BatchResult {
  // A push checks up to 5000 changes: a plain loop that allocates nothing for a valid one.
  const anyNode = options.anyNode === true;
  let drift: BatchResult = { ok: true };
  for (let index = 0; index < changes.length; index += 1) {
    const problem = pushProblem(changes[index] as SyncChange, nodeId, serverNowMillis, anyNode);
    if (problem === null) continue;
    if (problem.code === 'invalid_request') return { ok: false, ...problem, index };
    if (drift.ok) drift = { ok: false, ...problem, index };
  }
  return drift;
}

interface Problem {
  code: 'invalid_request' | 'clock_drift';
  reason: string;
}

/** Checks 1-7: why the pushed change is refused, or null when it is valid. */
function pushProblem(
  change: SyncChange,
  nodeId: string,
  serverNowMillis: number,
  anyNode: boolean,
): Problem | null {
  const checked = checkCell(change);
  if (typeof checked === 'string') return { code: 'invalid_request', reason: checked };
  if (checked.node !== nodeId && !anyNode) {
    return { code: 'invalid_request', reason: 'hlc is from another node than nodeId' };
  }
  if (isTooFarAhead(checked, serverNowMillis)) {
    return { code: 'clock_drift', reason: 'hlc is more than 10 minutes ahead of the server' };
  }
  return null;
}

/** The parsed hlc of a valid cell, or the reason it is not one. */
function checkCell({ table, id, field, value, hlc }: SyncChange): HlcState | string {
  if (!isTableName(table)) return `unknown table ${quote(table)}`;
  const schema = fieldSchemaFor(table, field);
  if (!schema) return `unknown field ${quote(field)} of ${table}`;
  const problem = valueProblem(schema, value);
  if (problem !== null) return `invalid value for ${table}.${field}: ${problem}`;
  if (!isKnownRowId(table, id)) return `invalid id for ${table}: ${quote(id)}`;
  if (isJoinTable(table) && !joinPartMatches(table, id, field, value)) {
    return `${field} does not match the row id ${quote(id)}`;
  }
  return parsedHlc(hlc) ?? `malformed hlc ${quote(hlc)}`;
}

// Every check below is a pure function of its input, and a push or a pull page repeats
// inputs: a row's cells come in a run with one id and usually one hlc, and many values recur
// (false, null, 0, "owned"). Each remembers its last valid input, so a repeat costs one
// comparison instead of a regular expression or a zod parse (a push of 1000 cells spent
// about 0.8 ms here, as much as its JSON.parse). Object.is, so -0 is not taken for 0.

/** The last primitive each field schema accepted (objects could change after the check). */
const lastAccepted = new Map<z.ZodType, unknown>();

/** Why `schema` refuses `value`, or null when it accepts it. */
function valueProblem(schema: z.ZodType, value: unknown): string | null {
  if (lastAccepted.has(schema) && Object.is(lastAccepted.get(schema), value)) return null;
  const parsed = schema.safeParse(value);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'rejected';
  if (typeof value !== 'object' || value === null) lastAccepted.set(schema, value);
  return null;
}

let lastRow: { table: TableName; id: string } | null = null;

function isKnownRowId(table: TableName, id: string): boolean {
  if (lastRow !== null && lastRow.table === table && lastRow.id === id) return true;
  if (!isIdFor(table, id)) return false;
  lastRow = { table, id };
  return true;
}

let lastHlc: { text: string; state: HlcState } | null = null;

/** parseHlc, remembering the last valid one. The state is shared: callers only read it. */
function parsedHlc(text: string): HlcState | null {
  if (lastHlc !== null && lastHlc.text === text) return lastHlc.state;
  const state = parseHlc(text);
  if (state !== null) lastHlc = { text, state };
  return state;
}

function invalid(reason: string): ChangeResult {
  return { ok: false, code: 'invalid_request', reason };
}

/** Untrusted text in a reason: quoted, and cut short so a reason stays a line. */
function quote(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
}
