// CSV files that arrive from outside the app, for the LighterPack import (/import):
// - opened with the installed app (the manifest's `file_handlers`): Chromium launches
//   /import and hands the files to `window.launchQueue`'s consumer;
// - shared to it (the manifest's `share_target`): the system POSTs the file to
//   /import/share (vite.config.ts's manifest), where the service worker (public/share-target-sw.js) keeps it in
//   Cache Storage and redirects to /import?shared=1; the page takes it from there.
// Either way the import shows its usual preview and writes nothing before the user
// confirms. The launch queue is watched from main.tsx before the first render: its
// consumer must be set early, and the file waits here until the import page takes it.
export const IMPORT_PATH = '/import';
/** Cache Storage name and key of a shared file: public/share-target-sw.js uses the same. */
export const SHARED_FILE_CACHE = 'pyb-shared-files';
export const SHARED_FILE_KEY = '/import/shared-file';

interface LaunchParams {
  files?: readonly { getFile(): Promise<File> }[];
}
interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => void): void;
}

export interface IncomingFiles {
  /** The waiting file, once: the next call gets null. */
  take(): File | null;
  subscribe(listener: () => void): () => void;
}

export function createIncomingFiles(): IncomingFiles & { put(file: File): void } {
  let waiting: File | null = null;
  const listeners = new Set<() => void>();
  return {
    put(file) {
      waiting = file;
      for (const listener of [...listeners]) listener();
    },
    take() {
      const file = waiting;
      waiting = null;
      return file;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The app's files that came through the launch queue. */
export const launchedFiles = createIncomingFiles();

/** Sets the launch queue's consumer (Chromium with file_handlers); elsewhere nothing. */
export function watchLaunchQueue(
  target: { launchQueue?: LaunchQueue } = globalThis as { launchQueue?: LaunchQueue },
  files: { put(file: File): void } = launchedFiles,
): void {
  target.launchQueue?.setConsumer((params) => {
    const first = params.files?.[0];
    if (!first) return;
    first.getFile().then(
      (file) => files.put(file),
      (error: unknown) => console.warn('Could not read the file the app was opened with', error),
    );
  });
}

/** The file the service worker kept for a share, removed as it is taken; null if none. */
export async function takeSharedFile(
  storage: CacheStorage | undefined = globalThis.caches,
): Promise<File | null> {
  if (!storage) return null;
  const cache = await storage.open(SHARED_FILE_CACHE);
  const response = await cache.match(SHARED_FILE_KEY);
  if (!response) return null;
  await cache.delete(SHARED_FILE_KEY);
  const name = decodeURIComponent(response.headers.get('X-File-Name') ?? 'shared.csv');
  return new File([await response.blob()], name, {
    type: response.headers.get('Content-Type') ?? 'text/csv',
  });
}
