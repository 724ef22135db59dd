// Response compression where it pays. Hono's compress() leaves bodies below its threshold
// alone only when they state a Content-Length, and c.json() answers do not, so every API
// answer (a 60-byte error, a sync round trip of a few cells) went through its own gzip
// stream: the largest single CPU cost of a sync request under load (scripts/bench-load.ts,
// profiled). JSON answers are in memory anyway, so they get their length first and the
// threshold applies. Below about 14 KB (TCP's initial congestion window of ten segments)
// compressing saves no round trip, only bytes; first-sync pages and the app's scripts
// are far above it and stay compressed.
import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

export const COMPRESS_THRESHOLD_BYTES = 14 * 1024;

export function compressLarge(): MiddlewareHandler {
  const gzip = compress({ threshold: COMPRESS_THRESHOLD_BYTES });
  return function compressIfLarge(c, next) {
    return gzip(c, async () => {
      await next();
      const { res } = c;
      // The length first: reading `body` turns @hono/node-server's light response into a
      // stream, so an answer that already states its length is left as it is.
      if (res.headers.has('content-length')) return;
      const json = res.headers.get('content-type')?.startsWith('application/json') ?? false;
      if (!json || !res.body) return;
      const bytes = await res.arrayBuffer();
      c.res = new Response(bytes, res);
      c.res.headers.set('content-length', String(bytes.byteLength));
    });
  };
}
