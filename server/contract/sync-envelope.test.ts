// docs/api.md "Sync": the request envelope and the errors checked before any change
// is looked at, in docs/api.md's order: 401 unauthenticated, 415 not JSON, 413 too
// big (bytes, then more than 5000 changes), 426 protocol ≠ 1, 400 shape /
// limit / since. Every error is the JSON error body with nosniff, and nothing
// of a refused push is applied.
import { describe, expect, it } from 'vitest';
import { SYNC_BODY_LIMIT_BYTES } from '../../shared/protocol';
import { post } from '../test-support/auth-client';
import {
  cellCount,
  blockUser,
  change,
  expectError,
  expectOk,
  hlc,
  NODE_A,
  serverState,
  sharedApp,
  signUp,
  sync,
  syncBody,
  syncOk,
  T0,
  type SyncReply,
} from '../test-support/sync-client';

const s = sharedApp();
const tent = () => change('items', 'i1', 'name', 'Tent', hlc(NODE_A, T0 - 1000));

/** A valid request body of exactly `bytes` bytes (JSON whitespace pads it). */
function paddedBody(bytes: number, protocol = 1): string {
  const head = JSON.stringify({ ...syncBody(NODE_A, [tent()]), protocol }).slice(0, -1);
  return `${head}${' '.repeat(bytes - head.length - 1)}}`;
}

/** Changes the first character of the signature (a full 6 bits of it). */
function tamper(token: string): string {
  const at = token.lastIndexOf('.') + 1;
  return `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
}

async function expectNothingApplied(token: string) {
  expect(await serverState(s.app, token)).toEqual({});
}

describe('[API Sync] 200 answer', () => {
  it('answers {changes, cursor, more, serverTime} with serverTime the server clock in ISO ms', async () => {
    const u = await signUp(s.app);
    s.clock.advance(1234);
    const body = await syncOk(s.app, u.token, syncBody(NODE_A));
    expect(body).toEqual({ changes: [], cursor: '', more: false, serverTime: expect.any(String) });
    expect(body.serverTime).toBe(new Date(T0 + 1234).toISOString());
  });
});

describe('[API Sync errors] 401 unauthenticated comes before anything else', () => {
  const user = blockUser(s);
  const BAD_BODIES: [string, string, string | null][] = [
    ['a valid body', JSON.stringify(syncBody(NODE_A, [tent()])), 'application/json'],
    ['a text/plain body', 'hello', 'text/plain'],
    ['no content type', '{', null],
    ['protocol 2', JSON.stringify({ ...syncBody(NODE_A), protocol: 2 }), 'application/json'],
    ['malformed JSON', '{"protocol":', 'application/json'],
    ['a body over 4 MiB', paddedBody(SYNC_BODY_LIMIT_BYTES + 10), 'application/json'],
  ];
  const AUTHORIZATIONS: [string, (token: string) => string | null][] = [
    ['no Authorization', () => null],
    ['Bearer garbage', () => 'Bearer garbage'],
    ['Bearer a.b.c', () => 'Bearer a.b.c'],
    ['an empty Bearer', () => 'Bearer '],
    ['Basic credentials', () => 'Basic dXNlcjpwYXNzd29yZA=='],
    ['the token without Bearer', (token) => token],
    ['a tampered token', (token) => `Bearer ${tamper(token)}`],
  ];
  for (const [authName, authorization] of AUTHORIZATIONS) {
    it(`${authName} → 401 whatever the body`, async () => {
      const u = user();
      for (const [, body, contentType] of BAD_BODIES) {
        const reply = await sync(s.app, u.token, body, {
          contentType,
          authorization: authorization(u.token),
        });
        expectError(reply, 401, 'unauthenticated');
      }
      await expectNothingApplied(u.token);
    });
  }
});

describe('[API Auth] a revoked session is 401 on sync at once', () => {
  it('after logout-all the same access token → 401, and its push is not applied', async () => {
    const u = await signUp(s.app);
    expect((await syncOk(s.app, u.token, syncBody(NODE_A))).changes).toEqual([]);
    const out = await post(s.app, '/api/auth/logout-all', { bearer: u.token });
    expect(out.status).toBe(204);
    expectError(await sync(s.app, u.token, syncBody(NODE_A, [tent()])), 401, 'unauthenticated');
    expect(await cellCount(s.t, u.userId)).toBe(0);
  });
});

describe('[API Conventions] 415 unsupported_media_type for a body that is not JSON', () => {
  const user = blockUser(s);
  for (const contentType of [
    null,
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/jsonx',
    'text/json',
  ]) {
    it(`Content-Type ${String(contentType)} → 415 and nothing applied`, async () => {
      const u = user();
      const body = syncBody(NODE_A, [tent()]);
      expectError(await sync(s.app, u.token, body, { contentType }), 415, 'unsupported_media_type');
      await expectNothingApplied(u.token);
    });
  }

  it('415 is ranked above 413 and 426', async () => {
    const u = user();
    const huge = paddedBody(SYNC_BODY_LIMIT_BYTES + 10, 2);
    const reply = await sync(s.app, u.token, huge, { contentType: 'text/plain' });
    expectError(reply, 415, 'unsupported_media_type');
  });

  it('accepts application/json with a charset', async () => {
    const u = await signUp(s.app);
    const body = syncBody(NODE_A, [tent()]);
    const reply = await sync(s.app, u.token, body, {
      contentType: 'application/json; charset=utf-8',
    });
    expect(expectOk(reply).changes).toEqual([tent()]);
  });
});

describe('[API Conventions] 413 payload_too_large: sync bodies 4 MiB, at most 5000 changes', () => {
  it('a body of 4 MiB + 1 byte → 413, nothing applied', async () => {
    const u = await signUp(s.app);
    const reply = await sync(s.app, u.token, paddedBody(SYNC_BODY_LIMIT_BYTES + 1));
    expectError(reply, 413, 'payload_too_large');
    await expectNothingApplied(u.token);
  });

  it('a body of exactly 4 MiB is accepted', async () => {
    const u = await signUp(s.app);
    const reply = await sync(s.app, u.token, paddedBody(SYNC_BODY_LIMIT_BYTES));
    expect(expectOk(reply).changes).toEqual([tent()]);
  });

  it('5001 changes → 413, nothing applied; 5000 are accepted', async () => {
    const u = await signUp(s.app);
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => change('items', `i${i}`, 'name', 'x', hlc(NODE_A, T0)));
    expectError(await sync(s.app, u.token, syncBody(NODE_A, many(5001))), 413, 'payload_too_large');
    await expectNothingApplied(u.token);
    const ok = await syncOk(s.app, u.token, syncBody(NODE_A, many(5000), '', 5000));
    expect(ok.changes).toHaveLength(5000);
  });

  it('413 is ranked above 426: 5001 changes or 4 MiB + 1 with protocol 2', async () => {
    const u = await signUp(s.app);
    const changes = Array.from({ length: 5001 }, () => tent());
    const tooMany = { ...syncBody(NODE_A, changes), protocol: 2 };
    expectError(await sync(s.app, u.token, tooMany), 413, 'payload_too_large');
    const tooBig = paddedBody(SYNC_BODY_LIMIT_BYTES + 1, 2);
    expectError(await sync(s.app, u.token, tooBig), 413, 'payload_too_large');
  });
});

describe('[API Sync errors] 426 upgrade_required when protocol ≠ 1', () => {
  it('protocol 2 → 426 and nothing applied', async () => {
    const u = await signUp(s.app);
    const reply = await sync(s.app, u.token, { ...syncBody(NODE_A, [tent()]), protocol: 2 });
    expectError(reply, 426, 'upgrade_required');
    await expectNothingApplied(u.token);
  });

  it('protocol 0 → 426', async () => {
    const u = await signUp(s.app);
    const reply = await sync(s.app, u.token, { ...syncBody(NODE_A), protocol: 0 });
    expectError(reply, 426, 'upgrade_required');
  });

  it('426 is ranked above 400: protocol 2 with a bad nodeId, since and limit', async () => {
    const u = await signUp(s.app);
    const body = { protocol: 2, nodeId: 'NOPE', since: 7, limit: 0, changes: 'x' };
    expectError(await sync(s.app, u.token, body), 426, 'upgrade_required');
  });

  it('[P3] a missing protocol is a bad shape → 400', async () => {
    const u = await signUp(s.app);
    const body = { nodeId: NODE_A, since: '', changes: [tent()] };
    expectError(await sync(s.app, u.token, body), 400, 'invalid_request');
    await expectNothingApplied(u.token);
  });
});

describe('[API Sync errors] 400 invalid_request for the body shape, limit and since', () => {
  const user = blockUser(s);
  const base = () => syncBody(NODE_A, [tent()]);
  const CASES: [string, unknown][] = [
    ['malformed JSON', '{"protocol": 1,'],
    ['an empty body', ''],
    ['null', 'null'],
    ['an array', '[]'],
    ['a string', '"sync"'],
    ['an empty object', {}],
    ['nodeId upper-case', { ...base(), nodeId: '00000000000000AA' }],
    ['nodeId 15 chars', { ...base(), nodeId: '0000000000000aa' }],
    ['nodeId missing', { protocol: 1, since: '', changes: [] }],
    ['changes missing', { protocol: 1, nodeId: NODE_A, since: '' }],
    ['changes an object', { ...base(), changes: {} }],
    ['a change that is not an object', { ...base(), changes: [tent(), 'x'] }],
    ['limit 0', { ...base(), limit: 0 }],
    ['limit 5001', { ...base(), limit: 5001 }],
    ['limit -1', { ...base(), limit: -1 }],
    ['limit 1.5', { ...base(), limit: 1.5 }],
    ['limit "10"', { ...base(), limit: '10' }],
    ['limit null', { ...base(), limit: null }],
    ['since "abc"', { ...base(), since: 'abc' }],
    ['since "-1"', { ...base(), since: '-1' }],
    ['since "1.5"', { ...base(), since: '1.5' }],
    ['since " 1"', { ...base(), since: ' 1' }],
    ['since 201 chars', { ...base(), since: '9'.repeat(201) }],
    ['since a number', { ...base(), since: 5 }],
    ['since null', { ...base(), since: null }],
  ];
  for (const [name, body] of CASES) {
    it(`${name} → 400, nothing applied`, async () => {
      const u = user();
      expectError(await sync(s.app, u.token, body), 400, 'invalid_request');
      await expectNothingApplied(u.token);
    });
  }

  it('limit 1 and limit 5000 are accepted', async () => {
    const u = user();
    for (const limit of [1, 5000]) {
      const reply: SyncReply = await sync(s.app, u.token, syncBody(NODE_A, [], '', limit));
      expect(expectOk(reply).more).toBe(false);
    }
  });
});
