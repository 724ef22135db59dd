import { describe, expect, it } from 'vitest';
import { scrubEvent } from './scrub-event';

describe('scrubEvent', () => {
  it.each([
    ['mail from alice@example.com', 'mail from [email]'],
    ['peer 203.0.113.9:443', 'peer [ip]:443'],
    ['peer 2001:db8::7 and ::1', 'peer [ip] and [ip]'],
    ['at 10:00:00 on 2026-12-07', 'at 10:00:00 on 2026-12-07'],
    ['Authorization: Bearer abc.def', 'Authorization: Bearer [token]'],
    ['jwt eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.sig', 'jwt [token]'],
    ['cookie pyb_rt=rt1_abc; other=1', 'cookie pyb_rt=[token]; other=1'],
    ['key 4f1c2b9e8d7a6b5c4d3e2f1a0b9c8d7e6f5a', 'key [token]'],
    [
      'TypeError: cannot read properties of undefined',
      'TypeError: cannot read properties of undefined',
    ],
  ])('scrubs %j', (input, output) => {
    expect(scrubEvent({ message: input })).toEqual({ message: output });
  });

  it('drops user, breadcrumbs, request details, sensitive extras and frame variables', () => {
    const event = {
      event_id: '0123456789abcdef0123456789abcdef',
      release: 'packyourbag@0.1.0',
      user: { id: 'u1', email: 'a@b.example' },
      breadcrumbs: [{ message: 'typed "Tent"' }],
      request: {
        method: 'POST',
        url: 'https://pack.example.com/api/sync?token=x#y',
        headers: { cookie: 'pyb_rt=x' },
        data: '{"password":"p"}',
      },
      extra: { itemName: 'Tent', count: 3, nested: { notes: 'n', ok: true } },
      exception: { values: [{ type: 'Error', stacktrace: { frames: [{ vars: { a: 1 } }] } }] },
    };
    expect(scrubEvent(event)).toEqual({
      event_id: event.event_id,
      release: event.release,
      request: { method: 'POST', url: 'https://pack.example.com/api/sync' },
      extra: { itemName: '[removed]', count: 3, nested: { notes: '[removed]', ok: true } },
      exception: { values: [{ type: 'Error', stacktrace: { frames: [{}] } }] },
    });
    expect(event.user.email).toBe('a@b.example'); // the input is left alone
  });
});
