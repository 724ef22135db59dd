// docs/api.md "Conventions": "Every error (4xx/5xx) has the body {"error": {"code",
// "message"}} … never a 5xx for bad input", and every response has
// X-Content-Type-Options: nosniff. 300 malformed sync requests from signed-in
// users: random JSON values, truncated JSON, a wrong type for each top-level
// field, huge numbers, nested garbage and non-JSON content types. Every one is
// built to be invalid, so every answer must be a 4xx JSON error, and nothing
// may be stored.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS, errorBodySchema } from '../../shared/errors';
import { createTestApp, manualClock, type TestApp } from '../test-support/fixture';
import {
  cellCount,
  change,
  checkAsyncProperty,
  hlc,
  NODE_A,
  signUp,
  sync,
  syncBody,
  T0,
  type User,
} from '../test-support/sync-client';

interface Malformed {
  body: string;
  contentType: string | null;
}

const JSON_TYPE = 'application/json';
const validBody = () =>
  syncBody(NODE_A, [change('items', 'i1', 'name', 'Tent', hlc(NODE_A, T0 - 1000))]);
const asJson = (body: string): Malformed => ({ body, contentType: JSON_TYPE });

const junk = fc.jsonValue({ maxDepth: 3 });
const notInteger = fc.oneof(
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.array(junk, { maxLength: 3 }),
  fc.dictionary(fc.string(), junk, { maxKeys: 3 }),
);
const hugeNumber = fc.constantFrom(1e308, -1e308, 2 ** 53 + 2, -(2 ** 63), 1e21, 5e-324, -0.5);

/** A wrong value for each top-level field, never one the schema accepts. */
const WRONG: Record<string, fc.Arbitrary<unknown>> = {
  protocol: fc.oneof(
    notInteger,
    hugeNumber,
    fc.integer().filter((n) => n !== 1),
  ),
  nodeId: fc.oneof(
    notInteger.filter((v) => typeof v !== 'string'),
    fc.integer(),
    fc.string().filter((v) => !/^[0-9a-f]{16}$/.test(v)),
  ),
  since: fc.oneof(
    notInteger.filter((v) => typeof v !== 'string'),
    fc.integer(),
    hugeNumber,
    fc.string({ minLength: 1 }).filter((v) => /[^0-9]/.test(v)),
    fc.string({ minLength: 201, maxLength: 300 }),
  ),
  limit: fc.oneof(
    notInteger,
    hugeNumber,
    fc.integer().filter((n) => n < 1 || n > 5000),
    fc.double({ noInteger: true }),
  ),
  changes: fc.oneof(
    notInteger.filter((v) => !Array.isArray(v)),
    fc.integer(),
    fc
      .tuple(
        fc.array(junk, { maxLength: 3 }),
        fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
      )
      .map(([a, bad]) => [...a, bad]),
    fc.array(fc.dictionary(fc.string(), junk, { maxKeys: 5 }), { minLength: 1, maxLength: 3 }),
  ),
};

const wrongField = fc
  .constantFrom(...Object.keys(WRONG))
  .chain((field) =>
    (WRONG[field] ?? junk).map((value) =>
      asJson(JSON.stringify({ ...validBody(), [field]: value })),
    ),
  );

const missingField = fc.constantFrom('protocol', 'nodeId', 'since', 'changes').map((field) => {
  const body = Object.entries(validBody()).filter(([key]) => key !== field);
  return asJson(JSON.stringify(Object.fromEntries(body)));
});

const truncated = fc
  .tuple(fc.nat(), fc.constantFrom(JSON_TYPE, `${JSON_TYPE}; charset=utf-8`))
  .map(([n, contentType]) => {
    const text = JSON.stringify(validBody());
    return { body: text.slice(0, n % text.length), contentType };
  });

/** Numbers JSON can spell but a double cannot hold, in every numeric slot. */
const hugeText = fc
  .tuple(
    fc.constantFrom('1e400', '-1e400', '123456789012345678901234567890', '1e-400', '-0.0e999'),
    fc.constantFrom('"protocol":1', '"limit":10', '"value":1200'),
  )
  // 1e-400 and -0.0e999 read as 0, a valid weight: only the overflowing ones go there.
  .filter(([number, slot]) => !(slot.startsWith('"value"') && /e-|^-0/.test(number)))
  .map(([number, slot]) => {
    const body = JSON.stringify({
      ...syncBody(NODE_A, [change('items', 'i1', 'weightGrams', 1200, hlc(NODE_A, T0 - 1000))]),
      limit: 10,
    });
    return asJson(body.replace(slot, `${slot.split(':')[0] ?? ''}:${number}`));
  });

const nested = fc
  .tuple(fc.integer({ min: 1, max: 5000 }), fc.constantFrom('since', 'value', 'changes.0'))
  .map(([depth, where]) => {
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const body = validBody();
    const text = JSON.stringify(body);
    if (where === 'since') return asJson(text.replace('"since":""', `"since":${deep}`));
    if (where === 'value') return asJson(text.replace('"value":"Tent"', `"value":${deep}`));
    return asJson(text.replace('"changes":[{', `"changes":[${deep},{`));
  });

const pollution = fc.constantFrom(
  asJson('{"__proto__":{"protocol":1},"nodeId":"00000000000000aa","since":"","changes":[]}'),
  asJson(
    JSON.stringify({
      ...validBody(),
      changes: [{ ...validBody().changes[0], field: '__proto__' }],
    }),
  ),
  asJson(
    JSON.stringify({
      ...validBody(),
      changes: [{ ...validBody().changes[0], table: 'constructor' }],
    }),
  ),
);

const nonJsonType = fc
  .constantFrom(
    null,
    '',
    'text/plain',
    'text/json',
    'application/jsonx',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/octet-stream',
  )
  .map((contentType): Malformed => ({ body: JSON.stringify(validBody()), contentType }));

const malformed: fc.Arbitrary<Malformed> = fc.oneof(
  junk.map((v) => asJson(JSON.stringify(v))),
  fc.string({ unit: 'binary', maxLength: 200 }).map(asJson),
  truncated,
  wrongField,
  missingField,
  hugeText,
  nested,
  pollution,
  nonJsonType,
);

describe('[API Conventions] malformed sync requests never get a 5xx', () => {
  let t: TestApp;
  const users: User[] = [];
  let calls = 0;
  beforeAll(async () => {
    t = await createTestApp({ clock: manualClock(T0) });
  });
  afterAll(() => t.close());

  /** A fresh user every 100 requests keeps under the 120-a-minute sync limit. */
  async function nextUser(): Promise<User> {
    if (calls % 100 === 0) users.push(await signUp(t.app));
    calls += 1;
    const user = users.at(-1);
    if (!user) throw new Error('no user');
    return user;
  }

  checkAsyncProperty(
    '300 malformed bodies → 4xx with the JSON error body {error: {code, message}} and nosniff',
    fc.asyncProperty(malformed, async ({ body, contentType }) => {
      const user = await nextUser();
      const reply = await sync(t.app, user.token, body, { contentType });
      const where = `${String(contentType)} ${body.slice(0, 300)} → ${reply.status} ${reply.text}`;
      expect(reply.status, where).toBeGreaterThanOrEqual(400);
      expect(reply.status, where).toBeLessThan(500);
      expect(reply.res.headers.get('content-type') ?? '', where).toMatch(/^application\/json/);
      expect(reply.res.headers.get('x-content-type-options'), where).toBe('nosniff');
      const parsed = errorBodySchema.safeParse(reply.body);
      expect(parsed.success, where).toBe(true);
      if (parsed.success) expect(ERROR_STATUS[parsed.data.error.code], where).toBe(reply.status);
    }),
    { numRuns: 300 },
  );

  it('stored nothing from any of them', async () => {
    expect(users.length).toBeGreaterThanOrEqual(3);
    expect(await cellCount(t)).toBe(0);
  });
});
