// The zod schemas of the synced tables (model/validation.ts), loaded on the first write
// that checks a row. zod is about a quarter of the app's code and the first screen only
// reads, so it stays out of the initial download; the service worker precaches its
// chunk, so writes work offline on a cold start too. Load before a Dexie transaction
// starts, never inside one: awaiting anything but Dexie there lets IndexedDB commit the
// transaction early and loses Dexie's transaction zone (README, "Known gotchas").
import type * as Validation from './validation';

export type Schemas = typeof Validation;

let loading: Promise<Schemas> | null = null;

export function loadSchemas(): Promise<Schemas> {
  // A failed load (a network error before the service worker holds the chunk) is not
  // kept: the next write tries again.
  loading ??= import('./validation').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
