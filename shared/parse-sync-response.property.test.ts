// parseSyncResponse answers like syncResponseSchema.safeParse for any body: its hand-written
// check may only accept what the schema accepts, with the same data.
import fc from 'fast-check';
import { describe } from 'vitest';
import { parseSyncResponse, syncResponseSchema } from './protocol';
import { checkProperty } from './test-support/property';
import {
  anyJson,
  bodyOf,
  expectSameAsSchema,
  mostly,
  wireChangeArb,
  withDroppedKey,
} from './test-support/wire-bodies';

const responseArb = withDroppedKey(
  fc.record({
    changes: mostly(fc.array(mostly(wireChangeArb), { maxLength: 4 })),
    cursor: mostly(fc.constantFrom('', '3f9a1c02be4d.2.1187', 'x'.repeat(200), 'x'.repeat(201))),
    more: mostly(fc.boolean()),
    remaining: mostly(fc.constantFrom(0, 1500, -1, 1.5, 2 ** 53)),
    serverTime: mostly(
      fc.constantFrom(
        '2026-11-26T01:05:54.123Z',
        '2026-02-30T01:05:54.123Z',
        '2026-11-26T01:05:54Z',
        '2026-11-26 01:05:54.123Z',
      ),
    ),
    extra: anyJson,
  }),
);
const bodyArb = bodyOf(responseArb);

describe('parseSyncResponse', () => {
  checkProperty(
    'parseSyncResponse succeeds exactly when syncResponseSchema does, with the same data',
    fc.property(bodyArb, (body) => {
      expectSameAsSchema(parseSyncResponse(body), syncResponseSchema.safeParse(body));
    }),
    { numRuns: 2000 },
  );
});
