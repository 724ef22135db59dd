import { Agent, createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { trackConnections } from './shutdown';

function listen(
  handler: Parameters<typeof createServer>[1],
): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, port: (server.address() as AddressInfo).port }),
    ),
  );
}

/** A GET whose socket the client keeps open afterwards, as a browser does. */
function get(port: number): Promise<{ status: number; body: string }> {
  const agent = new Agent({ keepAlive: true });
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/', agent, headers: { connection: 'keep-alive' } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Whether `promise` has settled, checked after the pending I/O callbacks ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

// No wall-clock bounds here (they flake on a loaded machine): each test uses a deadline far
// beyond vitest's test timeout where the shutdown must not wait for it, so waiting fails the
// test, and drives the deadline with fake timers where it must. How long a stop takes is
// measured by the bench (scripts/bench-shutdown.ts).
const NEVER_MS = 10 * 60_000;

describe('graceful shutdown', () => {
  const servers: Server[] = [];
  afterEach(() => {
    vi.useRealTimers();
    servers.splice(0).forEach((s) => s.closeAllConnections());
  });

  it('does not wait for a connection that never sent a request', async () => {
    const { server, port } = await listen((_req, res) => res.end('ok'));
    servers.push(server);
    const graceful = trackConnections(server);
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    await graceful.shutdown({ timeoutMs: NEVER_MS });
    await closed;
  });

  it('finishes a request in flight, then closes its keep-alive socket at once', async () => {
    let answer = (): void => undefined;
    const { server, port } = await listen((_req, res) => {
      answer = () => res.end('slow answer');
    });
    servers.push(server);
    const graceful = trackConnections(server);
    const received = new Promise((resolve) => server.once('request', resolve));
    const reply = get(port);
    await received;
    const shutdown = graceful.shutdown({ timeoutMs: NEVER_MS });
    // The request in flight holds the shutdown...
    expect(await settled(shutdown)).toBe(false);
    answer();
    // ...gets its answer, and then its keep-alive socket no longer does.
    expect(await reply).toEqual({ status: 200, body: 'slow answer' });
    await shutdown;
  });

  it('cuts a request that outlives the deadline, and not before', async () => {
    const { server, port } = await listen(() => undefined);
    servers.push(server);
    const graceful = trackConnections(server);
    const received = new Promise((resolve) => server.once('request', resolve));
    const answer = get(port).catch((error: unknown) => error);
    await received;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const shutdown = graceful.shutdown({ timeoutMs: 300 });
    vi.advanceTimersByTime(299);
    expect(await settled(shutdown)).toBe(false);
    expect(await settled(answer)).toBe(false);
    vi.advanceTimersByTime(1);
    await shutdown;
    expect(await answer).toBeInstanceOf(Error);
  });
});
