// docs/api.md "Limits": rate limits answer `429 rate_limited` with a
// `Retry-After` header (seconds), 120 sync requests a minute per user. docs/api.md
// "Sync" lists 429 last among the errors "checked in this order" (and SPEC.md
// [P3] puts 410/429 after the change checks), so a limited user's request
// that has an earlier-ranked fault gets that fault. The limiter counts real
// time: the tests use one user's minute up once, then look at its answers.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cellCount,
  change,
  expectError,
  hlc,
  NODE_A,
  sharedApp,
  signIn,
  signUp,
  sync,
  syncBody,
  syncOk,
  T0,
  type User,
} from '../test-support/sync-client';

const s = sharedApp();
const LIMIT = 120;

const cellsOf = (userId: string) => cellCount(s.t, userId);

describe('[API Conventions] 429 rate_limited after 120 sync requests a minute per user', () => {
  let limited: User;
  let device2: User;
  let other: User;
  beforeAll(async () => {
    limited = await signUp(s.app);
    device2 = await signIn(s.app, limited);
    other = await signUp(s.app);
    for (let i = 0; i < LIMIT; i += 1) await syncOk(s.app, limited.token, syncBody(NODE_A));
  });

  it('the 121st request → 429 with Retry-After in seconds, and its push is not applied', async () => {
    const push = [change('items', 'i1', 'name', 'Late', hlc(NODE_A, T0))];
    const reply = await sync(s.app, limited.token, syncBody(NODE_A, push));
    expectError(reply, 429, 'rate_limited');
    const retryAfter = reply.res.headers.get('retry-after') ?? '';
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    expect(await cellsOf(limited.userId)).toBe(0);
  });

  it('counts per user: another device of the same user is limited too, a second user is not', async () => {
    expectError(await sync(s.app, device2.token, syncBody(NODE_A)), 429, 'rate_limited');
    const push = [change('items', 'i1', 'name', 'Mine', hlc(NODE_A, T0))];
    expect((await syncOk(s.app, other.token, syncBody(NODE_A, push))).changes).toEqual(push);
  });

  it('401 is still checked first for requests without a valid token', async () => {
    const reply = await sync(s.app, limited.token, syncBody(NODE_A), { authorization: null });
    expectError(reply, 401, 'unauthenticated');
  });

  it('[API Sync errors order] a limited user’s request with an earlier-ranked fault gets that fault', async () => {
    const notJson = await sync(s.app, limited.token, syncBody(NODE_A), {
      contentType: 'text/plain',
    });
    expectError(notJson, 415, 'unsupported_media_type');
    const oldProtocol = await sync(s.app, limited.token, { ...syncBody(NODE_A), protocol: 2 });
    expectError(oldProtocol, 426, 'upgrade_required');
    const badLimit = await sync(s.app, limited.token, syncBody(NODE_A, [], '', 0));
    expectError(badLimit, 400, 'invalid_request');
  });
});
