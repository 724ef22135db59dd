// Persistent storage (StorageManager): a guest's whole gear library lives in IndexedDB,
// which a browser under storage pressure may evict unless the origin is "persisted".
// The app asks once the user has made something of their own, or installs it
// (features/shell/use-persist-storage.ts), and Settings shows the state and usage
// (features/settings/device-section.tsx). Browsers without the API (old Safari,
// some in-app browsers) get `supported: false`, never an exception.

/** The part of navigator.storage this module uses, so tests can hand in another. */
export interface StorageApi {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

export type StorageState =
  | { supported: false }
  | { supported: true; persisted: boolean; usage: number | null; quota: number | null };

export function browserStorage(): StorageApi | undefined {
  return (globalThis.navigator as { storage?: StorageApi } | undefined)?.storage;
}

export async function readStorageState(
  storage: StorageApi | undefined = browserStorage(),
): Promise<StorageState> {
  if (!storage?.persisted) return { supported: false };
  const [persisted, estimate] = await Promise.all([
    isPersisted(storage) as Promise<boolean>,
    storage.estimate?.().catch(() => undefined) ?? Promise.resolve(undefined),
  ]);
  return {
    supported: true,
    persisted,
    usage: estimate?.usage ?? null,
    quota: estimate?.quota ?? null,
  };
}

/** Whether this origin's data is persisted: null where the browser has no such API. */
export async function isPersisted(
  storage: StorageApi | undefined = browserStorage(),
): Promise<boolean | null> {
  if (!storage?.persisted) return null;
  return storage.persisted().catch(() => false);
}

/** Asks the browser to keep this origin's data; true when it is (now or already) persisted. */
export async function requestPersistence(
  storage: StorageApi | undefined = browserStorage(),
): Promise<boolean> {
  if (!storage?.persist) return false;
  if (await isPersisted(storage)) return true;
  return storage.persist().catch(() => false);
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** 1234567 → "1.2 MB" in the locale's digits (decimal units, as browsers report quota). */
export function formatBytes(bytes: number, locale?: string): string {
  let value = Math.max(0, bytes);
  let step = 0;
  while (value >= 1000 && step < BYTE_UNITS.length - 1) {
    value /= 1000;
    step += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: BYTE_UNITS[step],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && step > 0 ? 1 : 0,
  }).format(value);
}

/** "1.2 MB of 2 GB", "1.2 MB" when the quota is unknown, null when usage is. */
export function describeUsage(state: StorageState, locale?: string): string | null {
  if (!state.supported || state.usage === null) return null;
  const used = formatBytes(state.usage, locale);
  return state.quota === null ? used : `${used} of ${formatBytes(state.quota, locale)}`;
}
