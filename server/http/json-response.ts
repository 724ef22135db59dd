// A JSON answer that states its length. Hono's c.json sends none, so the compress
// middleware (app.ts) cannot see how small a body is and gzips even a 200-byte answer
// through a stream: on a sync push that answers with a one-cell page, that cost more
// than the rest of the HTTP handling. With Content-Length set, compress leaves bodies
// under its threshold (compress-large.ts) alone, and compress-large need not
// buffer the answer again to learn its length, and still gzips the large pages of a pull.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export function jsonWithLength(c: Context, body: unknown, status: ContentfulStatusCode = 200) {
  const text = JSON.stringify(body);
  return c.body(text, status, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
  });
}
