// The client's IP address for rate limits and the audit log. It is the socket's
// peer address, except behind a trusted reverse proxy (PYB_TRUST_PROXY), where
// it is the last X-Forwarded-For entry: the one that proxy appended itself.
// Entries further left are whatever the client sent and can be forged.
import type { Context } from 'hono';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as NodeBindings | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
