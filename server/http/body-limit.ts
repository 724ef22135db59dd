// A byte limit on request bodies that answers docs/api.md's JSON 413. Hono's
// bodyLimit checks Content-Length up front and also counts streamed bodies
// without one, so a client cannot slip past it with chunked encoding.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './api-error';

export function jsonBodyLimit(maxBytes: number): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError('payload_too_large', `The body is larger than ${maxBytes} bytes.`);
    },
  });
  return async function limitBody(c, next) {
    // Only bodies are limited; GET and friends pass straight through.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return limit(c, next);
  };
}
