// Through a real @hono/node-server on loopback: the body is read straight from the Node
// request (read-body-text.ts), and the byte limit holds for declared and chunked bodies.
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { jsonBodyLimit } from './body-limit';
import { readBodyText } from './read-body-text';

const LIMIT = 64;
let server: ServerType;
let port = 0;

beforeAll(async () => {
  const app = new Hono();
  app.post('/echo', jsonBodyLimit(LIMIT), async (c) => c.text(await readBodyText(c, LIMIT)));
  // The same, with the WHATWG path closed: a declared body must come straight from Node.
  app.post('/direct', jsonBodyLimit(LIMIT), async (c) => {
    c.req.text = () => Promise.reject(new Error('read through the WHATWG request'));
    return c.text(await readBodyText(c, LIMIT));
  });
  app.onError((error, c) =>
    error instanceof ApiError ? c.text(error.code, error.status) : c.text(String(error), 500),
  );
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      port = info.port;
      resolve();
    });
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** POSTs `chunks` one write each; without `declared`, Node sends them chunked. */
function post(
  chunks: Buffer[],
  declared?: number,
  path = '/echo',
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (declared !== undefined) headers['content-length'] = declared;
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers });
    req.once('error', reject);
    req.once('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.once('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }),
      );
    });
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('readBodyText under @hono/node-server', () => {
  const text = '{"name":"Zelt 😀 über"}';
  const bytes = Buffer.from(text, 'utf8');
  // Split inside the four bytes of the emoji: the decoder must see the whole body.
  const split = [bytes.subarray(0, 13), bytes.subarray(13)];

  it('reads a declared body and a chunked one, whole, however it is split', async () => {
    expect(await post([bytes], bytes.length)).toEqual({ status: 200, text });
    expect(await post(split, bytes.length, '/direct')).toEqual({ status: 200, text });
    expect(await post(split)).toEqual({ status: 200, text });
  });

  it('drops a leading byte order mark, as Request.text() does', async () => {
    const withMark = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    expect(await post([withMark], withMark.length)).toEqual({ status: 200, text });
  });

  it('refuses more than the limit with 413, declared or chunked', async () => {
    const big = Buffer.alloc(LIMIT + 1, 0x20);
    const refused = { status: 413, text: 'payload_too_large' };
    expect(await post([big], big.length)).toEqual(refused);
    expect(await post([big.subarray(0, 40), big.subarray(40)])).toEqual(refused);
    const exact = Buffer.alloc(LIMIT, 0x20);
    expect(await post([exact.subarray(0, 10), exact.subarray(10)])).toEqual({
      status: 200,
      text: exact.toString(),
    });
  });
});
