import type { Dexie } from 'dexie';

/** Each table's secondary indexes, by name (db.test.ts, upgrade.test.ts). */
export function indexNames(d: Dexie): Record<string, string[]> {
  return Object.fromEntries(d.tables.map((t) => [t.name, t.schema.indexes.map((i) => i.name)]));
}
