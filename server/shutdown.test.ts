import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
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

function get(port: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/', agent: false, headers: { connection: 'keep-alive' } },
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

const elapsed = async (work: Promise<unknown>) => {
  const started = Date.now();
  await work;
  return Date.now() - started;
};

describe('graceful shutdown', () => {
  const servers: Server[] = [];
  afterEach(() => servers.splice(0).forEach((s) => s.closeAllConnections()));

  it('does not wait for a connection that never sent a request', async () => {
    const { server, port } = await listen((_req, res) => res.end('ok'));
    servers.push(server);
    const graceful = trackConnections(server);
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    expect(await elapsed(graceful.shutdown({ timeoutMs: 5000 }))).toBeLessThan(1000);
  });

  it('finishes a request in flight, then closes its keep-alive socket at once', async () => {
    const { server, port } = await listen((_req, res) =>
      setTimeout(() => res.end('slow answer'), 300),
    );
    servers.push(server);
    const graceful = trackConnections(server);
    const answer = get(port);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const shutdown = elapsed(graceful.shutdown({ timeoutMs: 5000 }));
    expect(await answer).toEqual({ status: 200, body: 'slow answer' });
    expect(await shutdown).toBeLessThan(1500);
  });

  it('cuts a request that outlives the deadline', async () => {
    const { server, port } = await listen(() => undefined);
    servers.push(server);
    const graceful = trackConnections(server);
    const answer = get(port).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const took = await elapsed(graceful.shutdown({ timeoutMs: 300 }));
    expect(took).toBeGreaterThanOrEqual(250);
    expect(took).toBeLessThan(2000);
    expect(await answer).toBeInstanceOf(Error);
  });
});
