// A tiny HTTPS client for the proxy tests: it trusts only the given CA (Caddy's
// internal one), sends SNI and Host `localhost`, and can connect from another
// loopback address (127.0.0.2, …) so that Caddy sees distinct clients.
import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:https';

export interface HttpsAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export interface HttpsOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** The local address to connect from; default 127.0.0.1. */
  from?: string;
}

export function httpsRequest(
  target: { port: number; rootCa: string },
  path: string,
  options: HttpsOptions = {},
): Promise<HttpsAnswer> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: target.port,
        servername: 'localhost',
        ca: target.rootCa,
        agent: false,
        localAddress: options.from ?? '127.0.0.1',
        method: options.method ?? 'GET',
        path,
        headers: {
          host: `localhost:${target.port}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
