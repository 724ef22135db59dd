// Error reports leave scrubbed: events are caught by a local transport (no
// network) and searched for secrets planted in the error, the request and a
// browser report sent through the tunnel.
import { createTransport } from '@sentry/core';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { createErrorHandler } from '../http/error-handler';
import { createLogger } from '../logger';
import { createTestApp, type TestApp } from '../test-support/fixture';
import { createErrorReporter } from './error-reports';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEyMyJ9.c2lnbmF0dXJlLXBhcnQtaGVyZQ';
const REFRESH = 'rt1_Q2hlY2tUaGlzUmVmcmVzaFRva2VuSXNMb25nRW5vdWdoMTIz';
const SECRETS = {
  email: 'alice.hiker@example.com',
  ipv4: '203.0.113.9',
  ipv6: '2001:db8::7',
  jwt: JWT,
  refresh: REFRESH,
  password: 'correct horse battery staple',
  item: 'Grandma Quilt 1987',
  note: 'spare key under the blue rock',
  metricsToken: 'metrics-token-0123456789abcdef0123456789',
};

function capturingReporter() {
  const sent: string[] = [];
  const reporter = createErrorReporter({
    dsn: 'https://publickey@glitchtip.example.com/7',
    release: '9.9.9-test',
    transport: (options) =>
      createTransport(options, (request) => {
        sent.push(
          typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body),
        );
        return Promise.resolve({ statusCode: 200 });
      }),
  });
  return { reporter, sent };
}

const expectNoSecrets = (sent: string[]) => {
  const text = sent.join('\n');
  for (const [name, secret] of Object.entries(SECRETS)) {
    expect(text, `${name} leaked`).not.toContain(secret);
  }
};

describe('error reports', () => {
  let t: TestApp | undefined;
  afterEach(() => t?.close());

  it('sends a server error with its type and route but none of the planted secrets', async () => {
    const { reporter, sent } = capturingReporter();
    const app = new Hono();
    app.onError(createErrorHandler(createLogger('silent'), reporter));
    app.post('/api/sync', () => {
      throw new TypeError(
        `cannot merge for ${SECRETS.email} from ${SECRETS.ipv4} / ${SECRETS.ipv6} with ${JWT} and ${REFRESH}`,
      );
    });
    const res = await app.request(
      `/api/sync?email=${SECRETS.email}&token=${SECRETS.metricsToken}`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${JWT}`,
          cookie: `pyb_rt=${REFRESH}`,
          'x-forwarded-for': `${SECRETS.ipv4}, ${SECRETS.ipv6}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          password: SECRETS.password,
          name: SECRETS.item,
          notes: SECRETS.note,
        }),
      },
    );
    expect(res.status).toBe(500);
    await reporter.flush(2000);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('TypeError');
    expect(sent[0]).toContain('cannot merge for [email] from [ip] / [ip] with [token]');
    expect(sent[0]).toContain('/api/sync');
    expectNoSecrets(sent);
  });

  it('forwards a browser report through the tunnel scrubbed, and only its event', async () => {
    const { reporter, sent } = capturingReporter();
    t = await createTestApp({ errorReporter: reporter });
    const event = {
      event_id: '0123456789abcdef0123456789abcdef',
      exception: {
        values: [{ type: 'Error', value: `save failed for ${SECRETS.email}` }],
      },
      user: { email: SECRETS.email, ip_address: SECRETS.ipv4, id: 'u1' },
      request: {
        url: `https://pack.example.com/items?q=${SECRETS.item}`,
        headers: { Authorization: `Bearer ${JWT}`, Cookie: `pyb_rt=${REFRESH}` },
        data: { password: SECRETS.password },
      },
      breadcrumbs: [{ category: 'ui.click', message: `button "${SECRETS.item}"` }],
      extra: { itemName: SECRETS.item, notes: SECRETS.note, count: 3 },
      tags: { remote: SECRETS.ipv6 },
    };
    const envelope = [
      JSON.stringify({ event_id: event.event_id, dsn: 'https://other@evil.example/1' }),
      JSON.stringify({ type: 'event' }),
      JSON.stringify(event),
      JSON.stringify({ type: 'replay_event' }),
      JSON.stringify({ note: SECRETS.note }),
    ].join('\n');
    const res = await t.app.request('/api/error-reports', {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: envelope,
    });
    expect(res.status).toBe(202);
    await reporter.flush(2000);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('save failed for [email]');
    expect(sent[0]).toContain(event.event_id);
    expect(sent[0]).toContain('glitchtip.example.com');
    expect(sent[0]).not.toContain('evil.example');
    expect(sent[0]).not.toContain('replay_event');
    expectNoSecrets(sent);
  });

  it('gives the browser a stand-in DSN on our origin, never the real one', async () => {
    t = await createTestApp({ errorReporter: capturingReporter().reporter });
    const config = await (await t.app.request('/api/error-reports')).json();
    expect(config).toEqual({ enabled: true, dsn: 'http://browser@localhost:8080/0' });
  });

  it('tells the browser whether reports are on; the tunnel is closed without a DSN', async () => {
    t = await createTestApp();
    expect(await (await t.app.request('/api/error-reports')).json()).toEqual({ enabled: false });
    const res = await t.app.request('/api/error-reports', { method: 'POST', body: 'x' });
    expect(res.status).toBe(404);
  });
});
