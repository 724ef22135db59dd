// The message for a write that failed. IndexedDB fails rarely, but when it does (a full
// disk, storage cleared under the app) the user must know that what they typed was not
// saved, and that it is still on screen to try again.
export function describeWriteError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError')
    return 'Not saved: this device is out of storage space. Free some space, then try again.';
  const detail = error instanceof Error ? error.message : String(error);
  return `Not saved: the browser’s storage refused the change (${detail}). Try again.`;
}
