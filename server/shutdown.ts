// Graceful shutdown: stop accepting connections, let in-flight requests finish,
// close idle keep-alive sockets at once, and after a deadline cut what is left
// so a stuck client cannot hold the process (and the database) open forever.
import type { Server } from 'node:http';
import type { Http2SecureServer, Http2Server } from 'node:http2';

type AnyServer = Server | Http2Server | Http2SecureServer;

export function shutdownGracefully(
  server: AnyServer,
  options: { timeoutMs: number },
): Promise<void> {
  return new Promise((resolve) => {
    const deadline = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
      resolve();
    }, options.timeoutMs);
    deadline.unref();
    server.close(() => {
      clearTimeout(deadline);
      resolve();
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
}
