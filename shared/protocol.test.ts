import { describe, expect, it } from 'vitest';
import {
  AUTH_BODY_LIMIT_BYTES,
  DEFAULT_PULL_LIMIT,
  MAX_CHANGES_PER_REQUEST,
  MAX_PULL_LIMIT,
  PROTOCOL_VERSION,
  SYNC_BODY_LIMIT_BYTES,
  issueDetails,
  syncEnvelopeError,
  syncRequestSchema,
  syncResponseSchema,
} from './protocol';

const CHANGE = {
  table: 'items',
  id: '0193a6f1-7c2e-7b3a-9d4e-1f2a3b4c5d6e',
  field: 'name',
  value: 'Tent',
  hlc: '2026-11-26T01:05:54.123Z-0000-0123456789abcdef',
};
const REQUEST = {
  protocol: 1,
  nodeId: '0123456789abcdef',
  since: '',
  limit: 1000,
  changes: [CHANGE],
};
const many = (n: number) => Array.from({ length: n }, () => CHANGE);

describe('constants', () => {
  it('[P4] match docs/api.md', () => {
    expect([PROTOCOL_VERSION, MAX_CHANGES_PER_REQUEST, DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT]).toEqual(
      [1, 5000, 1000, 5000],
    );
    expect(SYNC_BODY_LIMIT_BYTES).toBe(4_194_304);
    expect(AUTH_BODY_LIMIT_BYTES).toBe(16_384);
  });
});

describe('syncRequestSchema', () => {
  it.each<[string, object, boolean]>([
    ['the docs/api.md example', REQUEST, true],
    ['no limit', { ...REQUEST, limit: undefined }, true],
    ['limit 1', { ...REQUEST, limit: 1 }, true],
    ['limit 5000', { ...REQUEST, limit: 5000 }, true],
    ['limit 0', { ...REQUEST, limit: 0 }, false],
    ['limit 5001', { ...REQUEST, limit: 5001 }, false],
    ['limit 1.5', { ...REQUEST, limit: 1.5 }, false],
    ['limit "10"', { ...REQUEST, limit: '10' }, false],
    ['5000 changes', { ...REQUEST, changes: many(5000) }, true],
    ['5001 changes', { ...REQUEST, changes: many(5001) }, false],
    ['no changes', { ...REQUEST, changes: [] }, true],
    ['a null value', { ...REQUEST, changes: [{ ...CHANGE, value: null }] }, true],
    ['a change without value', { ...REQUEST, changes: [{ ...CHANGE, value: undefined }] }, true],
    ['a change with a numeric hlc', { ...REQUEST, changes: [{ ...CHANGE, hlc: 1 }] }, false],
    ['protocol 2', { ...REQUEST, protocol: 2 }, false],
    ['an upper-case nodeId', { ...REQUEST, nodeId: '0123456789ABCDEF' }, false],
    ['a since of 200 chars', { ...REQUEST, since: 'c'.repeat(200) }, true],
    ['a since of 201 chars', { ...REQUEST, since: 'c'.repeat(201) }, false],
    ['a missing since', { ...REQUEST, since: undefined }, false],
  ])('[P3] %s → %s', (_name, body, ok) => {
    expect(syncRequestSchema.safeParse(body).success).toBe(ok);
  });

  it('[P3] a change missing its value key is a bad shape (JSON has no undefined)', () => {
    const noValue = Object.fromEntries(Object.entries(CHANGE).filter(([key]) => key !== 'value'));
    expect(syncRequestSchema.safeParse({ ...REQUEST, changes: [noValue] }).success).toBe(false);
  });

  it('[P3] issueDetails names the change at fault', () => {
    const result = syncRequestSchema.safeParse({
      ...REQUEST,
      changes: [CHANGE, { ...CHANGE, id: 7 }],
    });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(issueDetails(result.error)).toMatchObject({ index: 1, reason: /changes\.1\.id/ });
  });

  it('[P3] issueDetails of a body-level issue has no index', () => {
    const result = syncRequestSchema.safeParse({ ...REQUEST, limit: 0 });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(issueDetails(result.error)).toEqual({ reason: expect.stringMatching(/^limit: /) });
  });
});

describe('syncEnvelopeError', () => {
  it.each<[string, unknown, string | null]>([
    ['a valid body', REQUEST, null],
    ['5001 changes', { ...REQUEST, changes: many(5001) }, 'payload_too_large'],
    ['protocol 2', { ...REQUEST, protocol: 2 }, 'upgrade_required'],
    ['protocol "1"', { ...REQUEST, protocol: '1' }, 'upgrade_required'],
    [
      'both: 413 comes first',
      { ...REQUEST, protocol: 2, changes: many(5001) },
      'payload_too_large',
    ],
    ['a missing protocol (a bad shape instead)', { ...REQUEST, protocol: undefined }, null],
    ['not an object', 'hello', null],
    ['null', null, null],
    ['an array', [REQUEST], null],
  ])('[P3] %s → %s', (_name, body, code) => {
    expect(syncEnvelopeError(body)?.code ?? null).toBe(code);
  });
});

describe('syncResponseSchema', () => {
  const RESPONSE = {
    changes: [CHANGE],
    cursor: '42',
    more: false,
    serverTime: '2026-11-26T01:05:54.123Z',
  };
  it.each<[string, object, boolean]>([
    ['the docs/api.md example', RESPONSE, true],
    ['an empty page', { ...RESPONSE, changes: [], cursor: '' }, true],
    ['a server time without ms', { ...RESPONSE, serverTime: '2026-11-26T01:05:54Z' }, false],
    ['an impossible server time', { ...RESPONSE, serverTime: '2026-02-30T01:05:54.123Z' }, false],
    ['a missing more', { ...RESPONSE, more: undefined }, false],
  ])('[P3] %s → %s', (_name, body, ok) => {
    expect(syncResponseSchema.safeParse(body).success).toBe(ok);
  });
});
