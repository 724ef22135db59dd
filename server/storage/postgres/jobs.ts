// Periodic job claims on PostgreSQL (storage.ts JobStorage): every instance runs the
// maintenance timer, but one statement decides who runs a job this time. Of instances
// claiming at once, one inserts or moves `last_run`; the others' upserts then see the
// moved row, fail the WHERE and return nothing.
import type { JobStorage } from '../storage';
import type { Sql } from './connect';

export function createPostgresJobs(sql: Sql): JobStorage {
  return {
    async claim(name, now, everyMs) {
      const rows = await sql`
        INSERT INTO jobs (name, last_run) VALUES (${name}, ${now})
        ON CONFLICT (name) DO UPDATE SET last_run = excluded.last_run
          WHERE jobs.last_run <= excluded.last_run - ${everyMs}::bigint
        RETURNING name`;
      return rows.length === 1;
    },
  };
}
