// Fixed-window rate limits (hono-rate-limiter, in-memory: one process owns the
// database, so one store sees every request). Over the limit the answer is
// docs/api.md's `429 rate_limited` with Retry-After in seconds.
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { errorBody } from '../../shared/errors';

export interface RateLimitOptions {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
  /** Who is counted: an IP, a user id; prefixed so separate limits never share a bucket. */
  key: (c: Context) => string;
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  return rateLimiter({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-6',
    keyGenerator: options.key,
    handler: (c) => {
      const reset = c.get('rateLimit')?.resetTime;
      const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
      c.header('Retry-After', String(seconds));
      return c.json(
        errorBody('rate_limited', `Too many requests; try again in ${seconds} s.`),
        429,
      );
    },
  });
}
