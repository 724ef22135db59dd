// Fixed-window rate limits (hono-rate-limiter). The counters live where the storage
// engine keeps them (Storage.rateLimitStore): in memory beside SQLite, where one process
// sees every request; in the database on PostgreSQL, shared by every instance. Over the
// limit the answer is docs/api.md's `429 rate_limited` with Retry-After in seconds.
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter, type Store } from 'hono-rate-limiter';
import { errorBody } from '../../shared/errors';

export interface RateLimitOptions {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
  /** Who is counted: an IP, a user id; prefixed so separate limits never share a bucket. */
  key: (c: Context) => string;
  /** Where the counters live (Storage.rateLimitStore). */
  store: Store;
}

/** What hono-rate-limiter sets on the context for the handler below. */
type RateLimitEnv = { Variables: { rateLimit?: { resetTime: Date | undefined } } };

export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  return rateLimiter<RateLimitEnv>({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-6',
    keyGenerator: options.key,
    store: options.store as Store<RateLimitEnv>,
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
