import { Hono } from 'hono';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { COMPRESS_THRESHOLD_BYTES, compressLarge } from './compress-large';

const big = { cells: 'x'.repeat(COMPRESS_THRESHOLD_BYTES) };
const app = new Hono();
app.use(compressLarge());
app.get('/small', (c) => c.json({ ok: true }));
app.get('/big', (c) => c.json(big));
app.get('/error', (c) => c.json({ error: { code: 'not_found' } }, 404));
app.get('/text', (c) => c.text('y'.repeat(COMPRESS_THRESHOLD_BYTES * 2)));

const gzipAccepted = { headers: { 'accept-encoding': 'gzip, deflate, br' } };

describe('compressLarge', () => {
  it('sends small JSON answers as they are, with their length', async () => {
    for (const [path, status] of [
      ['/small', 200],
      ['/error', 404],
    ] as const) {
      const res = await app.request(path, gzipAccepted);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-encoding')).toBeNull();
      const text = await res.text();
      expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
      expect(JSON.parse(text)).toBeTypeOf('object');
    }
  });

  it('gzips JSON answers above the threshold for clients that accept it', async () => {
    const res = await app.request('/big', gzipAccepted);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    const body = gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8');
    expect(JSON.parse(body)).toEqual(big);
  });

  it('leaves a client that accepts no encoding with the plain body', async () => {
    const res = await app.request('/big');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.json()).toEqual(big);
  });

  it('still gzips large non-JSON bodies the way compress() does', async () => {
    const res = await app.request('/text', gzipAccepted);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8');
    expect(body).toBe('y'.repeat(COMPRESS_THRESHOLD_BYTES * 2));
  });
});
