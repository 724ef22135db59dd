// The clients of auth-client.ts and sync-client.ts, aimed at running server processes
// instead of an app in process: `request(path, init)` becomes `fetch(base + path, init)`.
// Given several base URLs, consecutive requests go to each in turn (instances behind a
// round-robin balancer). The client IP a client picks (connEnv) is sent as
// X-Forwarded-For, the header a trusted proxy adds: servers started with
// PYB_TRUST_PROXY=true count it as the client, others count the socket (127.0.0.1).
import type { App, ConnEnv } from './auth-client';

export function remoteApp(...baseUrls: string[]): App {
  if (baseUrls.length === 0) throw new Error('remoteApp needs at least one base URL');
  let next = 0;
  return {
    async request(path: string, init: RequestInit, env: ConnEnv) {
      const base = baseUrls[next % baseUrls.length] ?? '';
      next += 1;
      const headers = new Headers(init.headers);
      headers.set('x-forwarded-for', env.incoming.socket.remoteAddress);
      return await fetch(new URL(path, base), { ...init, headers });
    },
  };
}
