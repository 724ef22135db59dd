// The manifest's share_target: a CSV shared to the installed app arrives as a POST
// (multipart/form-data, field `file`) to /import/share. The generated Workbox worker
// (vite.config.ts) imports this file first, so this listener sees the request before
// Workbox's routes (which only answer GETs). The file is kept in Cache Storage and the
// page is sent to the importer, which takes it from there (client/pwa/incoming-file.ts
// holds the same names) and shows the usual preview.
const SHARED_FILE_CACHE = 'pyb-shared-files';
const SHARED_FILE_KEY = '/import/shared-file';

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'POST' || url.pathname !== '/import/share') return;
  event.respondWith(keepSharedFile(event.request));
});

async function keepSharedFile(request) {
  try {
    const form = await request.formData();
    const file = form.getAll('file').find((value) => typeof value !== 'string');
    if (!file) return Response.redirect('/import?shared=none', 303);
    const cache = await caches.open(SHARED_FILE_CACHE);
    await cache.put(
      SHARED_FILE_KEY,
      new Response(file, {
        headers: {
          'Content-Type': file.type || 'text/csv',
          'X-File-Name': encodeURIComponent(file.name || 'shared.csv'),
        },
      }),
    );
    return Response.redirect('/import?shared=1', 303);
  } catch {
    return Response.redirect('/import?shared=failed', 303);
  }
}
