// The HTTP side of the sync benches (bench-sync-server.ts, bench-postgres.ts): sign-ups,
// request bodies encoded before the clock starts (encoding is the client's work), and
// sequential POSTs over one keep-alive connection.
import { Agent, request } from 'node:http';
import type { SyncChange } from '../shared/protocol';
import { NODE } from './bench-account';

export const BATCH = 1000;

export async function post(
  url: string,
  path: string,
  body: unknown,
  token?: string,
  headers: Record<string, string> = {},
) {
  const res = await fetch(new URL(path, url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

/**
 * Registers `email`; returns its access token. `forwardedFor` gives the sign-up an address
 * of its own (a server with PYB_TRUST_PROXY=true), past the 10 a minute per address limit.
 */
export async function signUp(url: string, email: string, forwardedFor?: string): Promise<string> {
  const headers: Record<string, string> = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
  const session = await post(
    url,
    '/api/auth/register',
    { email, password: 'bench password' },
    undefined,
    headers,
  );
  return String(session.accessToken);
}

/** The user id an access token names (its `sub`). */
export function userIdOf(token: string): string {
  const payload = JSON.parse(
    Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
  ) as { sub?: unknown };
  if (typeof payload.sub !== 'string') throw new Error('the access token names no user');
  return payload.sub;
}

/** `cells` in batches of BATCH, at most `maxBatches` of them. */
export function batchesOf(cells: readonly SyncChange[], maxBatches: number): SyncChange[][] {
  const batches: SyncChange[][] = [];
  for (let i = 0; i < Math.min(cells.length, maxBatches * BATCH); i += BATCH)
    batches.push(cells.slice(i, i + BATCH));
  return batches;
}

/** Request bodies of `limit: 1` pushes (the answer pulls one cell back), encoded up front. */
export function pushBodies(batches: readonly SyncChange[][]): Buffer[] {
  return batches.map((changes) =>
    Buffer.from(JSON.stringify({ protocol: 1, nodeId: NODE, since: '', limit: 1, changes })),
  );
}

/**
 * Sequential POSTs over one keep-alive connection. A request may open a new connection only
 * when `mayConnect` says so (the first of a round: the server closes a connection idle for
 * 5 s, as during a sign-up); any other that does fails the run.
 */
export function keepAliveClient(baseUrl: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return {
    post(path: string, body: Buffer, token: string, mayConnect: boolean): Promise<string> {
      return new Promise((resolve, reject) => {
        const req = request(new URL(path, baseUrl), {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': body.length,
            authorization: `Bearer ${token}`,
          },
        });
        req.once('error', reject);
        req.once('response', (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.once('error', reject);
          res.once('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200)
              reject(new Error(`${path} answered ${res.statusCode}: ${text}`));
            else if (!mayConnect && !req.reusedSocket)
              reject(new Error('the keep-alive connection was not reused'));
            else resolve(text);
          });
        });
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
