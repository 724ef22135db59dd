// Periodic job claims on the real engine: a job runs once per period however many
// instances ask, including instances asking at the same moment.
import { describe, expect, it } from 'vitest';
import { postgresPerTest } from '../../test-support/postgres-instances';
import { createPostgresJobs } from './jobs';

const pg = postgresPerTest();
const HOUR = 3_600_000;

describe('PostgreSQL job claims', () => {
  it('claims a job once per period', async () => {
    const jobs = createPostgresJobs(await pg.instance());
    expect(await jobs.claim('purge', 10 * HOUR, HOUR)).toBe(true);
    expect(await jobs.claim('purge', 10 * HOUR + 1, HOUR)).toBe(false);
    expect(await jobs.claim('purge', 11 * HOUR - 1, HOUR)).toBe(false);
    expect(await jobs.claim('other', 10 * HOUR + 1, HOUR)).toBe(true);
    expect(await jobs.claim('purge', 11 * HOUR, HOUR)).toBe(true);
    expect(await jobs.claim('purge', 11 * HOUR + 5, HOUR)).toBe(false);
  });

  it('gives a job to exactly one of the instances claiming it at once', async () => {
    const [first, second] = await pg.two(createPostgresJobs);
    for (let round = 0; round < 10; round += 1) {
      const now = (round + 1) * HOUR;
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 ? second : first).claim('purge', now, HOUR)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
    }
  });
});
