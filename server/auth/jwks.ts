// GET /.well-known/jwks.json: the public halves of every key that may have
// signed a still-valid access token, so other services can verify them.
import { Hono } from 'hono';
import type { KeyRing } from './keys';

export function jwksRoutes(keys: KeyRing): Hono {
  const app = new Hono();
  app.get('/.well-known/jwks.json', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    // Rebuilt per request: the ring changes in place when keys rotate.
    const published = keys.published.map(({ publicJwk: { kty, n, e, kid, alg, use } }) => ({
      kty,
      n,
      e,
      kid,
      alg,
      use,
    }));
    return c.json({ keys: published });
  });
  return app;
}
