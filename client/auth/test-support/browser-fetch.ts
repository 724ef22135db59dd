// What the browser puts between the client's auth code and the server, for the client's
// auth tests: a fetch that hands each request to the real app in process (`app.request`,
// no port) and keeps a cookie jar as a browser would. The refresh cookie is HttpOnly (the
// client's code never sees it, only this jar does), SameSite=Strict (every request here is
// same-origin, so it always goes) and Path=/api/auth (no other request carries it); Max-Age
// is counted on the browser's clock, and Max-Age=0 deletes it.
//
// Every call is recorded, so tests can count renewals and see which token a request
// carried. `offline` makes fetch fail as a browser's does without a network, and
// `intercept` lets a test hold a request, act once it has been answered, or answer for a
// proxy in front of the server (a 503 the app itself never sends).
import { connEnv, freshIp } from '../../../server/test-support/auth-client';
import type { TestApp } from '../../../server/test-support/fixture';

export interface BrowserCall {
  method: string;
  path: string;
  authorization: string | null;
}

interface StoredCookie {
  value: string;
  path: string;
  /** ms on the browser's clock; null for a session cookie. */
  expiresAt: number | null;
}

export type Intercept = (path: string, forward: () => Promise<Response>) => Promise<Response>;

export function createBrowserFetch(app: TestApp['app'], now: () => number) {
  const jar = new Map<string, StoredCookie>();
  // One browser, one address: the server's per-IP limits see it as one client.
  const ip = freshIp();

  const live = (name: string): StoredCookie | undefined => {
    const cookie = jar.get(name);
    if (cookie?.expiresAt != null && cookie.expiresAt <= now()) jar.delete(name);
    return jar.get(name);
  };
  // RFC 6265 §5.1.4: the cookie's path is the request path or a directory above it.
  const pathMatches = (cookiePath: string, path: string) =>
    path === cookiePath ||
    path.startsWith(cookiePath.endsWith('/') ? cookiePath : `${cookiePath}/`);

  function cookieHeader(path: string): string | null {
    const pairs = [...jar.keys()]
      .map((name) => [name, live(name)] as const)
      .filter(([, cookie]) => cookie && pathMatches(cookie.path, path))
      .map(([name, cookie]) => `${name}=${cookie?.value ?? ''}`);
    return pairs.length > 0 ? pairs.join('; ') : null;
  }

  function store(setCookie: string): void {
    const [pair = '', ...attributes] = setCookie.split(';').map((part) => part.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const cookie: StoredCookie = { value: pair.slice(eq + 1), path: '/', expiresAt: null };
    for (const attribute of attributes) {
      const [key = '', value = ''] = attribute.split('=');
      if (/^path$/i.test(key)) cookie.path = value;
      if (/^max-age$/i.test(key)) cookie.expiresAt = now() + Number(value) * 1000;
    }
    if (cookie.expiresAt !== null && cookie.expiresAt <= now()) jar.delete(name);
    else jar.set(name, cookie);
  }

  const browser = {
    calls: [] as BrowserCall[],
    offline: false,
    intercept: null as Intercept | null,
    count: (path: string) => browser.calls.filter((call) => call.path === path).length,
    /** The value of cookie `name` the browser holds (what devtools would show), or null. */
    cookie: (name = 'pyb_rt'): string | null => live(name)?.value ?? null,
    async fetch(input: string | URL, init: RequestInit = {}): Promise<Response> {
      const path = String(input);
      const method = init.method ?? 'GET';
      const headers = new Headers(init.headers);
      browser.calls.push({ method, path, authorization: headers.get('Authorization') });
      if (browser.offline) throw new TypeError('Failed to fetch');
      // Read now, as the browser does when the request leaves, not when the server gets it.
      const cookies = cookieHeader(path);
      if (cookies !== null) headers.set('Cookie', cookies);
      const request: RequestInit = { method, headers };
      if (init.body != null) request.body = init.body;
      const forward = async () => {
        const response = await app.request(path, request, connEnv(ip));
        for (const setCookie of response.headers.getSetCookie()) store(setCookie);
        return response;
      };
      return browser.intercept ? browser.intercept(path, forward) : forward();
    },
  };
  return browser;
}

export type BrowserFetch = ReturnType<typeof createBrowserFetch>;
