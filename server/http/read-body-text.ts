// The request body as text. Under @hono/node-server it collects the Node request's chunks
// directly: a push of 1000 cells is about 170 KB, and reading it through the WHATWG Request
// (a web stream over the Node stream, then undici's body reader and decoder) cost a push
// several tenths of a millisecond more (scripts/bench-sync-server.ts). Elsewhere (app.request
// in tests, other runtimes) it is c.req.text(). Either way the text is the same: UTF-8 with
// replacement characters, a leading byte order mark dropped.
//
// jsonBodyLimit runs first and refuses a Content-Length over the limit (Node's parser never
// delivers more than it declares). A body sent without one (chunked) is read and counted by
// Hono's bodyLimit there, which leaves the Node stream consumed: such a body, or one anything
// else has started to read, is read through c.req.text() instead. The count here is a
// backstop.
import type { Context } from 'hono';
import { Readable } from 'node:stream';
import { tooLarge } from './body-limit';

const BYTE_ORDER_MARK = 0xfeff;

export async function readBodyText(c: Context, maxBytes: number): Promise<string> {
  const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
  const untouched =
    incoming instanceof Readable && !incoming.readableDidRead && incoming.readableFlowing === null;
  if (!untouched) return c.req.text();
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks, bytes).toString('utf8');
  return text.charCodeAt(0) === BYTE_ORDER_MARK ? text.slice(1) : text;
}
