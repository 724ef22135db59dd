// `Cache-Control: no-store` for answers that carry tokens or personal data
// (RFC 6749 §5.1), errors included, so no shared or browser cache keeps them.
import type { MiddlewareHandler } from 'hono';

export const noStore: MiddlewareHandler = async function noStore(c, next) {
  await next();
  c.header('Cache-Control', 'no-store');
};
