// Sessions and refresh rotation on the real engine, and the race it must survive: two
// instances given the same refresh token at the same moment answer one rotation and
// one grace answer with the same live token, never a fork and never "reused".
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashRefreshToken, newRefreshToken, successorToken } from '../../auth/refresh-token';
import { REFRESH_ABSOLUTE_MS, REFRESH_GRACE_MS, REFRESH_IDLE_MS } from '../../auth/sessions';
import { insertTestUser, postgresPerTest } from '../../test-support/postgres-instances';
import type { Sql } from './connect';
import { createPostgresSessions } from './sessions';

const pg = postgresPerTest();
const secret = randomBytes(32);
const T0 = 1_700_000_000_000;

async function signedIn(sql: Sql, sessionId = 's1', userId = 'u1') {
  await insertTestUser(sql, userId);
  const token = newRefreshToken();
  const session = await createPostgresSessions(sql).create({
    id: sessionId,
    userId,
    now: T0,
    tokenHash: hashRefreshToken(token),
  });
  return { token, session };
}

const tokensOf = (sql: Sql, sessionId: string) =>
  sql<{ rotated_at: number | null }[]>`
    SELECT rotated_at FROM refresh_tokens WHERE session_id = ${sessionId} ORDER BY created_at`;

describe('PostgreSQL sessions', () => {
  it('stores a session with its first token and reads both back', async () => {
    const sql = await pg.instance();
    const sessions = createPostgresSessions(sql);
    const { token, session } = await signedIn(sql);
    expect(session).toEqual({
      id: 's1',
      user_id: 'u1',
      created_at: T0,
      expires_at: T0 + REFRESH_ABSOLUTE_MS,
      last_refresh_at: T0,
      revoked_at: null,
    });
    expect(await sessions.session('s1')).toEqual(session);
    const row = await sessions.token(hashRefreshToken(token));
    expect(row).toEqual({
      hash: hashRefreshToken(token),
      session_id: 's1',
      created_at: T0,
      rotated_at: null,
    });
    expect(Buffer.isBuffer(row?.hash)).toBe(true);
    expect(await sessions.token(hashRefreshToken(newRefreshToken()))).toBeUndefined();
  });

  it('tells live sessions from revoked, expired and other users’ ones', async () => {
    const sql = await pg.instance();
    const sessions = createPostgresSessions(sql);
    await signedIn(sql, 's1', 'u1');
    await signedIn(sql, 's2', 'u1'.replace('1', '2'));
    await sessions.create({ id: 's3', userId: 'u1', now: T0, tokenHash: randomBytes(32) });
    expect(await sessions.isLive('s1', 'u1', T0 + 1)).toBe(true);
    expect(await sessions.isLive('s1', 'u2', T0 + 1)).toBe(false);
    expect(await sessions.isLive('s1', 'u1', T0 + REFRESH_ABSOLUTE_MS)).toBe(false);
    await sessions.revoke('s1', T0 + 5);
    await sessions.revoke('s1', T0 + 9); // the first revocation time stays
    expect((await sessions.session('s1'))?.revoked_at).toBe(T0 + 5);
    expect(await sessions.isLive('s1', 'u1', T0 + 10)).toBe(false);
    expect(await sessions.isLive('s3', 'u1', T0 + 10)).toBe(true);
    await sessions.revokeAllOfUser('u1', T0 + 20);
    expect((await sessions.session('s3'))?.revoked_at).toBe(T0 + 20);
    expect((await sessions.session('s1'))?.revoked_at).toBe(T0 + 5);
    expect(await sessions.isLive('s2', 'u2', T0 + 20)).toBe(true);
  });

  it('purges sessions that ended (revoked, expired or idle) before the cut-off, with their tokens', async () => {
    const sql = await pg.instance();
    const sessions = createPostgresSessions(sql);
    await insertTestUser(sql, 'u1');
    const make = (id: string, now: number) =>
      sessions.create({ id, userId: 'u1', now, tokenHash: randomBytes(32) });
    await make('revoked', T0);
    await sessions.revoke('revoked', T0 + 1);
    await make('idle', T0);
    await make('fresh', T0 + REFRESH_IDLE_MS);
    const before = T0 + REFRESH_IDLE_MS + 2;
    expect(await sessions.purgeEnded(before)).toBe(2);
    const left = await sql`SELECT id FROM sessions`;
    expect(left.map((row) => row['id'])).toEqual(['fresh']);
    const tokens = await sql`SELECT count(*) AS n FROM refresh_tokens`;
    expect(tokens[0]?.['n']).toBe(1);
  });

  it('rotates a live token, answers a racing tab within the grace window, and revokes on reuse', async () => {
    const sql = await pg.instance();
    const sessions = createPostgresSessions(sql);
    const { token } = await signedIn(sql);
    expect(await sessions.rotate(undefined, secret, T0)).toEqual({ kind: 'invalid' });
    expect(await sessions.rotate('rt_short', secret, T0)).toEqual({ kind: 'invalid' });
    expect(await sessions.rotate(newRefreshToken(), secret, T0)).toEqual({ kind: 'invalid' });

    const first = await sessions.rotate(token, secret, T0 + 100);
    expect(first).toMatchObject({ kind: 'rotated', token: successorToken(token, secret) });
    expect(first.kind === 'rotated' && first.session.last_refresh_at).toBe(T0 + 100);
    expect((await sessions.session('s1'))?.last_refresh_at).toBe(T0 + 100);

    const again = await sessions.rotate(token, secret, T0 + 100 + REFRESH_GRACE_MS);
    expect(again).toMatchObject({ kind: 'rotated', token: successorToken(token, secret) });

    // The successor rotates on; the original, within grace of its own rotation,
    // is answered with the newest live token, two steps down the chain.
    const live = successorToken(token, secret);
    const second = await sessions.rotate(live, secret, T0 + 200);
    expect(second).toMatchObject({ kind: 'rotated', token: successorToken(live, secret) });
    expect(await sessions.rotate(token, secret, T0 + 300)).toMatchObject({
      kind: 'rotated',
      token: successorToken(live, secret),
    });

    const reused = await sessions.rotate(token, secret, T0 + 101 + REFRESH_GRACE_MS);
    expect(reused).toEqual({ kind: 'reused', userId: 'u1' });
    expect((await sessions.session('s1'))?.revoked_at).toBe(T0 + 101 + REFRESH_GRACE_MS);
    // The family is dead: its newest token no longer refreshes.
    expect(await sessions.rotate(successorToken(live, secret), secret, T0 + 20_000)).toEqual({
      kind: 'invalid',
    });
  });

  it('refuses tokens of expired and idle sessions', async () => {
    const sql = await pg.instance();
    const sessions = createPostgresSessions(sql);
    const { token } = await signedIn(sql);
    expect(await sessions.rotate(token, secret, T0 + REFRESH_IDLE_MS)).toEqual({
      kind: 'invalid',
    });
    expect(await sessions.rotate(token, secret, T0 + REFRESH_ABSOLUTE_MS)).toEqual({
      kind: 'invalid',
    });
    expect((await tokensOf(sql, 's1')).map((row) => row.rotated_at)).toEqual([null]);
  });

  it('two instances refreshing the same token at once: one rotation, the same live token for both', async () => {
    const [a, b] = await pg.two((sql) => sql);
    const { token } = await signedIn(a);
    const [first, second] = [createPostgresSessions(a), createPostgresSessions(b)];
    const instances = [first, second];
    let current = token;
    const rounds = 25;
    for (let round = 1; round <= rounds; round += 1) {
      const now = T0 + round * 1000;
      // The instances' clocks differ by a millisecond, as real ones do.
      const answers = await Promise.all(
        instances.map((sessions, i) => sessions.rotate(current, secret, now + ((round + i) % 2))),
      );
      const next = successorToken(current, secret);
      expect(answers).toEqual([
        expect.objectContaining({ kind: 'rotated', token: next }),
        expect.objectContaining({ kind: 'rotated', token: next }),
      ]);
      // One rotation, and a grace answer reporting it: both answers carry the one
      // refresh time the token was rotated at (two rotations would each carry their own).
      const [rotated] = await a<{ rotated_at: number }[]>`
        SELECT rotated_at FROM refresh_tokens WHERE hash = ${hashRefreshToken(current)}`;
      const refreshedAt = answers.map(
        (answer) => answer.kind === 'rotated' && answer.session.last_refresh_at,
      );
      expect(refreshedAt).toEqual([rotated?.rotated_at, rotated?.rotated_at]);
      current = next;
      // Exactly one rotation: one more token in the family, and one live token.
      const tokens = await tokensOf(a, 's1');
      expect(tokens).toHaveLength(round + 1);
      expect(tokens.filter((row) => row.rotated_at === null)).toHaveLength(1);
    }
    expect((await second.session('s1'))?.revoked_at).toBeNull();

    // Reuse after the grace window, at both instances at once, still ends the family.
    const late = T0 + rounds * 1000 + REFRESH_GRACE_MS + 1;
    const reuse = await Promise.all(
      instances.map((sessions) => sessions.rotate(token, secret, late)),
    );
    expect(reuse).toContainEqual({ kind: 'reused', userId: 'u1' });
    expect((await first.session('s1'))?.revoked_at).toBe(late);
    expect(await second.rotate(current, secret, late + 1)).toEqual({ kind: 'invalid' });
  });

  it('many tabs on two instances racing with the same token leave exactly one live token', async () => {
    const [a, b] = await pg.two((sql) => sql, 8);
    const { token } = await signedIn(a);
    const [first, second] = [createPostgresSessions(a), createPostgresSessions(b)];
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? second : first).rotate(token, secret, T0 + 500),
      ),
    );
    const next = successorToken(token, secret);
    expect(new Set(answers.map((answer) => answer.kind === 'rotated' && answer.token))).toEqual(
      new Set([next]),
    );
    expect((await tokensOf(a, 's1')).map((row) => row.rotated_at)).toEqual([T0 + 500, null]);
  });
});
