// Serves the built PWA. Cache rules follow what the service worker needs:
// - /assets/* and workbox-*.js carry a content hash in their names, so they are
//   cached for a year and marked immutable;
// - index.html, sw.js and the manifest must be revalidated on every load, or a
//   browser could keep an old service worker or shell after a deploy;
// - other files (icons) get a short cache.
// Range requests are ignored (RFC 9110 lets a server answer 200 with the whole
// file): the files are small, and serveStatic's range parsing answers 500 for an
// unsatisfiable range and the wrong bytes for a suffix range (bytes=-5).
// Client routes (/trips/…) fall back to index.html, but only for paths without
// a file extension: a missing /assets/x.js must be a 404, never HTML, or a stale
// page would try to run the shell as JavaScript.
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { etag } from 'hono/etag';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const SHORT = 'public, max-age=3600';
const NEVER_CACHED = new Set(['index.html', 'sw.js', 'manifest.webmanifest', 'registerSW.js']);

export function cacheControlFor(relativePath: string): string {
  const name = relativePath.split('/').pop() ?? '';
  if (NEVER_CACHED.has(name)) return REVALIDATE;
  if (relativePath.startsWith('assets/') || /^workbox-[\w-]+\.js$/.test(name)) return IMMUTABLE;
  return SHORT;
}

export function staticFiles(root: string): Hono {
  const app = new Hono();
  const indexFile = join(root, 'index.html');

  // serveStatic's onFound runs after the response is built, too late to add a
  // header, so the cache policy is set here once the file has been found.
  // The range header goes first (see the module comment).
  app.use(async function setCacheControl(c, next) {
    c.req.raw.headers.delete('range');
    await next();
    if (c.res.status !== 200) return;
    const isShell = c.res.headers.get('content-type')?.startsWith('text/html') ?? false;
    c.res.headers.set('Cache-Control', isShell ? REVALIDATE : cacheControlFor(c.req.path.slice(1)));
  });
  // ETags let the no-cache files (index.html, sw.js) revalidate with a 304.
  app.use(etag());
  app.get('*', serveStatic({ root }));
  app.get('*', async (c, next) => {
    const lastSegment = c.req.path.split('/').pop() ?? '';
    if (lastSegment.includes('.') || !existsSync(indexFile)) return next();
    return serveStatic({ path: indexFile })(c, next);
  });
  return app;
}
