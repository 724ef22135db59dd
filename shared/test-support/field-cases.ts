// Table-driven boundary tests for the fields of one synced table: each case is a field, a
// value and whether docs/api.md allows it. Accepted values must come out of the schema unchanged.
import { describe, expect, it } from 'vitest';
import { fieldSchemaFor } from '../schemas';
import type { TableName } from '../schemas';

export type FieldCase = readonly [field: string, value: unknown, ok: boolean];

/** Strings of an exact length, for the "200 ok, 201 rejected" boundaries. */
export const chars = (n: number, c = 'a'): string => c.repeat(n);

export function describeFieldCases(table: TableName, cases: readonly FieldCase[]): void {
  describe(`${table} fields`, () => {
    it.each(cases.map(([field, value, ok]) => [field, label(value), ok, value] as const))(
      '[S1][S2] %s = %s → %s',
      (field, _label, ok, value) => {
        const schema = fieldSchemaFor(table, field);
        if (!schema) throw new Error(`${table} has no field ${field}`);
        const result = schema.safeParse(value);
        expect(result.success).toBe(ok);
        // [S3] a schema checks, it never transforms.
        if (result.success) expect(Object.is(result.data, value)).toBe(true);
      },
    );
  });
}

/** A short readable name for a value in a test title (long strings show their length). */
function label(value: unknown): string {
  if (typeof value === 'string' && value.length > 24)
    return `<${value.length} chars ${JSON.stringify(value.slice(0, 8))}…>`;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value) ?? String(value);
}
