// A hono-rate-limiter Store in table rate_limits, so a limit counts the requests of
// every instance (storage.ts rateLimitStore). A fixed window per key, as the in-memory
// store keeps: each hit is one atomic upsert that either adds to the current window
// or, when it has ended, starts a new one; concurrent hits at several instances all
// count. Keys are prefixed with the store's name, so two limits never share a row, and
// the rest is stored as a hash: a counter keyed by a user id or an IP address must not
// keep who it counted in the database (an erased account leaves nothing behind).
import { createHash } from 'node:crypto';
import type { ClientRateLimitInfo, Store } from 'hono-rate-limiter';
import type { Sql } from './connect';

export interface RateLimitStoreOptions {
  /** The limit's name: its rows' key prefix. */
  name: string;
  /** The clock (tests move it). */
  now?: () => number;
  /** Every how many hits this store also drops ended windows (everyone's). */
  purgeEvery?: number;
}

const PURGE_EVERY = 1000;

interface CounterRow {
  hits: number;
  reset_at: number;
}

const info = (row: CounterRow): ClientRateLimitInfo => ({
  totalHits: row.hits,
  resetTime: new Date(row.reset_at),
});

/** Deletes every counter whose window ended by `now`; returns how many. */
export async function purgeEndedRateLimits(sql: Sql, now: number): Promise<number> {
  const result = await sql`DELETE FROM rate_limits WHERE reset_at <= ${now}`;
  return result.count;
}

export class PostgresRateLimitStore implements Store {
  /** Hits counted here are seen by every instance (hono-rate-limiter's double-count check). */
  readonly localKeys = false;
  readonly prefix: string;
  private windowMs = 60_000;
  private readonly now: () => number;
  private readonly purgeEvery: number;
  private hitsSincePurge = 0;

  constructor(
    private readonly sql: Sql,
    options: RateLimitStoreOptions,
  ) {
    this.prefix = `${options.name}:`;
    this.now = options.now ?? Date.now;
    this.purgeEvery = options.purgeEvery ?? PURGE_EVERY;
  }

  private rowKey(key: string): string {
    return this.prefix + createHash('sha256').update(key).digest('base64url');
  }

  init(options: { windowMs: number }): void {
    this.windowMs = options.windowMs;
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const [row] = await this.sql<CounterRow[]>`SELECT hits, reset_at FROM rate_limits
      WHERE key = ${this.rowKey(key)} AND reset_at > ${this.now()}`;
    return row && info(row);
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const now = this.now();
    const [row] = await this.sql<CounterRow[]>`
      INSERT INTO rate_limits (key, hits, reset_at)
      VALUES (${this.rowKey(key)}, 1, ${now + this.windowMs})
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN rate_limits.reset_at <= ${now} THEN 1 ELSE rate_limits.hits + 1 END,
        reset_at = CASE WHEN rate_limits.reset_at <= ${now}
          THEN excluded.reset_at ELSE rate_limits.reset_at END
      RETURNING hits, reset_at`;
    if (!row) throw new Error(`The rate-limit counter ${this.rowKey(key)} was not stored`);
    await this.purgeNowAndThen(now);
    return info(row);
  }

  async decrement(key: string): Promise<void> {
    await this.sql`UPDATE rate_limits SET hits = hits - 1
      WHERE key = ${this.rowKey(key)} AND hits > 0 AND reset_at > ${this.now()}`;
  }

  async resetKey(key: string): Promise<void> {
    await this.sql`DELETE FROM rate_limits WHERE key = ${this.rowKey(key)}`;
  }

  async resetAll(): Promise<void> {
    // Byte-wise prefix match: the name could contain LIKE's wildcards.
    await this.sql`DELETE FROM rate_limits
      WHERE left(key, ${this.prefix.length}) = ${this.prefix}`;
  }

  /** Ended windows are dead rows; drop them once in a while rather than on a timer. */
  private async purgeNowAndThen(now: number): Promise<void> {
    this.hitsSincePurge += 1;
    if (this.hitsSincePurge < this.purgeEvery) return;
    this.hitsSincePurge = 0;
    await purgeEndedRateLimits(this.sql, now);
  }
}
