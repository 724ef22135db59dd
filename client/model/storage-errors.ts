// Tells storage failures apart from other errors, so the app can say what happened in
// words a user can act on. IndexedDB reports a full disk as QuotaExceededError, and a
// browser that refuses site storage (some private modes, storage turned off, a broken
// profile) as InvalidStateError, SecurityError or UnknownError, or Dexie's
// MissingAPIError when there is no IndexedDB at all. Dexie wraps the browser's error
// (`inner`), and an aborted transaction hides the cause behind AbortError, so the
// classifier looks through the whole chain.
//
// Errors that reach no handler are caught by a window listener (watchStorageErrors);
// code that catches a write error itself can pass it to reportStorageError. Either way
// the shell shows one alert saying the last change was not saved.

export type StorageProblem = 'quota' | 'unavailable';

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const UNAVAILABLE_NAMES = new Set([
  'MissingAPIError',
  'InvalidStateError',
  'SecurityError',
  'UnknownError',
  'OpenFailedError',
  'DatabaseClosedError',
]);
/** Legacy DOMException code of QuotaExceededError (Safari and old engines). */
const QUOTA_CODE = 22;

export const STORAGE_MESSAGES: Readonly<Record<StorageProblem, string>> = {
  quota:
    'Your device is out of storage space, so your last change was not saved. Free up some space, then try again.',
  unavailable:
    'The browser is not letting PackYourBag store data right now, so your last change was not saved. This happens in some private or incognito windows and when site data is turned off. Use a normal window, or allow site data for this site, then reload.',
};

/** The error, then what it wraps (Dexie's `inner`, the standard `cause`), at most 5 deep. */
function* chain(error: unknown): Generator<object> {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    yield current;
    const wrapper = current as { inner?: unknown; cause?: unknown };
    current = wrapper.inner ?? wrapper.cause;
  }
}

/** What kind of storage failure `error` is, or null if it is not one. */
export function classifyStorageError(error: unknown): StorageProblem | null {
  let unavailable = false;
  for (const link of chain(error)) {
    const { name, code } = link as { name?: unknown; code?: unknown };
    // Quota wins wherever it sits: an AbortError around it is still a full disk.
    if ((typeof name === 'string' && QUOTA_NAMES.has(name)) || code === QUOTA_CODE) return 'quota';
    if (typeof name === 'string' && UNAVAILABLE_NAMES.has(name)) unavailable = true;
  }
  return unavailable ? 'unavailable' : null;
}

/**
 * The words for a write that failed, shown beside the control that made it: a storage
 * failure reads as the shell's alert does; anything else says the change was not saved
 * (what was typed is still on screen to try again).
 */
export function describeWriteError(error: unknown): string {
  const problem = classifyStorageError(error);
  if (problem !== null) return STORAGE_MESSAGES[problem];
  const detail = error instanceof Error ? error.message : String(error);
  return `Not saved: ${detail}. Try again.`;
}

type Listener = (problem: StorageProblem) => void;
const listeners = new Set<Listener>();

/** Calls `listener` with every storage problem reported from now on; returns the unsubscribe. */
export function onStorageProblem(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Reports `error` if it is a storage failure; returns whether it was one. */
export function reportStorageError(error: unknown): boolean {
  const problem = classifyStorageError(error);
  if (problem === null) return false;
  for (const listener of listeners) listener(problem);
  return true;
}

/**
 * Reports storage failures that no code handled (a write's rejected promise). Other
 * unhandled rejections are left alone for the console. Returns the uninstall.
 */
export function watchStorageErrors(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
) {
  const onRejection = (event: PromiseRejectionEvent) => {
    if (!reportStorageError(event.reason)) return;
    // Handled now (the user sees the alert): keep it out of "Uncaught (in promise)".
    event.preventDefault();
    console.error('Storage error', event.reason);
  };
  target.addEventListener('unhandledrejection', onRejection);
  return () => target.removeEventListener('unhandledrejection', onRejection);
}
