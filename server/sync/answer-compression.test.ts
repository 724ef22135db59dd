// Through the whole app: a small sync answer goes out as it is, with its length, and a
// large page of a pull is gzipped (http/compress-large.ts, mounted in app.ts).
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { connEnv, freshIp } from '../test-support/auth-client';
import { NODE_A, T0, change, hlc, sharedApp, signUp, syncBody } from '../test-support/sync-client';

const shared = sharedApp();

async function syncAcceptingGzip(token: string, body: unknown) {
  const res = await shared.app.request(
    '/api/sync',
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-encoding': 'gzip',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(body),
    },
    connEnv(freshIp()),
  );
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  const encoding = res.headers.get('content-encoding');
  const text = (encoding === 'gzip' ? gunzipSync(bytes) : bytes).toString('utf8');
  return { encoding, length: res.headers.get('content-length'), bytes, text };
}

describe('sync answers and compression', () => {
  it('sends a small answer as is, with its length, and gzips a large page', async () => {
    const user = await signUp(shared.app);
    const changes = Array.from({ length: 400 }, (_, i) =>
      change('lists', `list-${i}`, 'name', `List ${i}`, hlc(NODE_A, T0, i)),
    );
    const small = await syncAcceptingGzip(user.token, syncBody(NODE_A, changes, '', 1));
    expect(small.encoding).toBeNull();
    expect(Number(small.length)).toBe(small.bytes.length);
    expect(small.bytes.length).toBeLessThan(1024);
    expect((JSON.parse(small.text) as { changes: unknown[] }).changes).toHaveLength(1);

    const large = await syncAcceptingGzip(user.token, syncBody(NODE_A, [], '', 400));
    // Above the threshold (http/compress-large.ts: 14 KiB), and 400 cells are about 50 KB.
    expect(large.bytes.length).toBeLessThan(Buffer.byteLength(large.text));
    expect(large.encoding).toBe('gzip');
    expect((JSON.parse(large.text) as { changes: unknown[] }).changes).toHaveLength(400);
  });
});
