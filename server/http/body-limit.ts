// A byte limit on request bodies that answers docs/api.md's JSON 413. A declared
// Content-Length is checked up front (Node's parser never delivers more bytes than it
// declares); a body without one (chunked) goes through Hono's bodyLimit, which counts
// the stream, so a client cannot slip past the limit with chunked encoding. The header
// check is done here rather than by Hono's middleware because that one first asks
// for the WHATWG request's body, and under @hono/node-server building that request and
// its web stream costs a push more than reading the body itself (read-body-text.ts).
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './api-error';

export function jsonBodyLimit(maxBytes: number): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw tooLarge(maxBytes);
    },
  });
  return async function limitBody(c, next) {
    // Only bodies are limited; GET and friends pass straight through.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const declared = c.req.header('content-length');
    if (declared === undefined || c.req.header('transfer-encoding') !== undefined) {
      return limit(c, next);
    }
    if (Number(declared) > maxBytes) throw tooLarge(maxBytes);
    return next();
  };
}

export function tooLarge(maxBytes: number): ApiError {
  return new ApiError('payload_too_large', `The body is larger than ${maxBytes} bytes.`);
}
