// Deterministic ids of join rows: `<listId>:<itemId>`, `<packId>:<listId>`, `<tripId>:<itemId>`
// (docs/api.md "Tables and fields"). Two devices that put the same item in the same list offline
// write the same row instead of two (docs/architecture.md "Sync and merge").
//
// Decision: the server checks not only the `a:b` shape but also that a change to a join
// table's parent field agrees with the row id (`listId` must be the part before the colon,
// `itemId` the part after). It is a check on one change alone, needs no stored state, and it
// keeps a buggy client from writing a row whose id no longer says what it joins.
// Ids may themselves contain ':', so a join id is not split; each part is matched as a prefix
// or a suffix instead.
import { idSchema } from './common';
import { joinId } from './constants';

export const JOIN_TABLE_PARTS = {
  listEntries: ['listId', 'itemId'],
  packLists: ['packId', 'listId'],
  tripChecks: ['tripId', 'itemId'],
} as const;

export type JoinTableName = keyof typeof JOIN_TABLE_PARTS;

export { joinId } from './constants';

/** [S4] A general id with a ':' that has at least one char on each side. */
export const joinIdSchema = idSchema.regex(/^.+:.+$/, 'join id must look like <a>:<b>');

/**
 * The `<a>:<b>` part of joinIdSchema for an id that already has the general id shape (so no
 * line breaks, which `.` would not match): a ':' with a char on each side. Without the
 * regex's backtracking; a property test holds it to the schema.
 */
export function hasJoinColon(id: string): boolean {
  const colon = id.indexOf(':', 1);
  return colon !== -1 && colon < id.length - 1;
}

export function isJoinTable(table: string): table is JoinTableName {
  return Object.hasOwn(JOIN_TABLE_PARTS, table);
}

/**
 * [S4] Whether `value` written to `field` of the join row `id` agrees with the id. Fields that
 * are not parent references always agree.
 */
export function joinPartMatches(
  table: JoinTableName,
  id: string,
  field: string,
  value: unknown,
): boolean {
  const [first, second] = JOIN_TABLE_PARTS[table];
  if (field === first) return typeof value === 'string' && id.startsWith(`${value}:`);
  if (field === second) return typeof value === 'string' && id.endsWith(`:${value}`);
  return true;
}

/** [S4] A whole join row: both parts as one id, exactly. */
export function joinRowMatches(
  table: JoinTableName,
  row: Readonly<Record<string, unknown>>,
): boolean {
  const [first, second] = JOIN_TABLE_PARTS[table];
  const a = row[first];
  const b = row[second];
  return typeof a === 'string' && typeof b === 'string' && row['id'] === joinId(a, b);
}
