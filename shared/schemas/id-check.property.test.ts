// isIdFor and hasJoinColon are the fast forms of the zod id schemas that a push runs once
// per cell (validate-change.ts); these properties hold them to the schemas exactly.
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { checkProperty } from '../test-support/property';
import { ID_PATTERN } from './common';
import { TABLE_NAMES, idSchemaFor, isIdFor } from './index';
import { hasJoinColon } from './join-id';

// Mostly characters ids are made of, with ':' common and some that are never allowed
// (space, line breaks that `.` does not match, non-ASCII), at lengths around the limit.
const idChar = fc.constantFrom('a', 'Z', '0', '-', '_', ':', ':', ' ', '\n', '\u2028', 'é');
const idArb = fc.oneof(
  fc.string({ unit: idChar, maxLength: 6 }),
  fc.string({ unit: idChar, minLength: 76, maxLength: 84 }),
  fc.constantFrom('settings', 'settings:', ':settings', ''),
);

describe('fast id checks', () => {
  checkProperty(
    '[S4] isIdFor(table, id) is idSchemaFor(table).safeParse(id).success',
    fc.property(fc.constantFrom(...TABLE_NAMES), idArb, (table, id) => {
      expect(isIdFor(table, id)).toBe(idSchemaFor(table).safeParse(id).success);
    }),
  );

  checkProperty(
    '[S4] hasJoinColon agrees with /^.+:.+$/ on ids of the general shape',
    fc.property(
      idArb.filter((id) => ID_PATTERN.test(id)),
      (id) => {
        expect(hasJoinColon(id)).toBe(/^.+:.+$/.test(id));
      },
    ),
  );
});
