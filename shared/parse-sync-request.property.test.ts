// parseSyncRequest answers like syncRequestSchema.safeParse for any body: its hand-written
// check may only accept what the schema accepts, with the same data.
import fc from 'fast-check';
import { describe } from 'vitest';
import { parseSyncRequest, syncRequestSchema } from './protocol';
import { checkProperty } from './test-support/property';
import {
  anyJson,
  bodyOf,
  expectSameAsSchema,
  mostly,
  wireChangeArb,
  withDroppedKey,
} from './test-support/wire-bodies';

const requestArb = withDroppedKey(
  fc.record({
    protocol: mostly(fc.constant(1)),
    nodeId: mostly(fc.constantFrom('0123456789abcdef', '0123456789ABCDEF', '0123456789abcde')),
    since: mostly(
      fc.constantFrom(
        '',
        '3f9a1c02be4d.2.1187',
        'x'.repeat(200),
        'x'.repeat(201),
        '😀'.repeat(100),
        '😀'.repeat(101),
      ),
    ),
    limit: mostly(fc.constantFrom(1, 1000, 5000, 5001, 0, 1.5)),
    resend: mostly(fc.boolean()),
    countRemaining: mostly(fc.boolean()),
    changes: mostly(fc.array(mostly(wireChangeArb), { maxLength: 4 })),
    extra: anyJson,
  }),
);
const bodyArb = bodyOf(requestArb);

describe('parseSyncRequest', () => {
  checkProperty(
    '[P3] parseSyncRequest succeeds exactly when syncRequestSchema does, with the same data',
    fc.property(bodyArb, (body) => {
      expectSameAsSchema(parseSyncRequest(body), syncRequestSchema.safeParse(body));
    }),
    { numRuns: 2000 },
  );
});
