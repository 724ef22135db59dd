// Graceful shutdown: stop accepting connections, let in-flight requests finish,
// and close every other connection at once, so a stop takes milliseconds, not
// the deadline. Node's own closeIdleConnections() misses two kinds of socket:
// one a browser opened but has not sent a request on yet (Chrome preconnects),
// and a keep-alive socket whose request was still running at the signal. So the
// server's sockets are tracked from the start: at shutdown idle ones are
// destroyed, and busy ones are closed as soon as their response is done. After
// the deadline whatever is left is cut, so a stuck client cannot hold the
// process (and the database) open.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface GracefulServer {
  shutdown(options: { timeoutMs: number }): Promise<void>;
}

export function trackConnections(server: Server): GracefulServer {
  const busy = new Map<Socket, number>();
  let closing = false;

  server.on('connection', (socket: Socket) => {
    busy.set(socket, 0);
    socket.once('close', () => busy.delete(socket));
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    if (closing) res.setHeader('Connection', 'close');
    res.once('close', () => {
      const left = (busy.get(socket) ?? 1) - 1;
      busy.set(socket, left);
      if (closing && left === 0) socket.destroySoon();
    });
  });

  return {
    shutdown({ timeoutMs }) {
      closing = true;
      return new Promise((resolve) => {
        const deadline = setTimeout(() => {
          for (const socket of busy.keys()) socket.destroy();
          resolve();
        }, timeoutMs);
        deadline.unref();
        server.close(() => {
          clearTimeout(deadline);
          resolve();
        });
        for (const [socket, requests] of busy) if (requests === 0) socket.destroySoon();
      });
    },
  };
}
