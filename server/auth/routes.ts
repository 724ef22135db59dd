// /api/auth/*: register, login, refresh, logout, logout-all, password (docs/api.md
// "Auth"). Each handler reads and validates its body, calls the auth service
// and turns its IssuedSession into the JSON body plus the refresh cookie.
import { Hono, type Context } from 'hono';
import {
  changePasswordSchema,
  credentialsSchema,
  emptyBodySchema,
  loginSchema,
} from '../../shared/auth-api';
import type { Config } from '../config';
import { clientIp } from '../http/client-ip';
import { readJson } from '../http/json-body';
import { rateLimit } from '../http/rate-limit';
import type { Storage } from '../storage/storage';
import type { AuthService, IssuedSession, Requester } from './auth-service';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';
import { requireUser, type AuthEnv, type RequireUserDeps } from './require-user';

const MINUTE = 60_000;
/** docs/api.md: 10 login (and, separately, 10 register) attempts a minute per client IP. */
const ATTEMPTS_PER_MINUTE = 10;

export interface AuthRoutesDeps extends RequireUserDeps {
  config: Pick<Config, 'publicUrl' | 'trustProxy'>;
  storage: Pick<Storage, 'rateLimitStore'>;
}

export function authRoutes(deps: AuthRoutesDeps, auth: AuthService): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const secure = deps.config.publicUrl.protocol === 'https:';
  const who = (c: Context): Requester => ({
    ip: clientIp(c, deps.config.trustProxy),
    userAgent: c.req.header('user-agent'),
  });
  const attempts = (route: string) =>
    rateLimit({
      limit: ATTEMPTS_PER_MINUTE,
      windowMs: MINUTE,
      key: (c) => `${route}:${clientIp(c, deps.config.trustProxy)}`,
      store: deps.storage.rateLimitStore(route),
    });
  const answer = (c: Context, issued: IssuedSession, status: 200 | 201) => {
    setRefreshCookie(c, issued.refreshToken, issued.refreshMaxAge, secure);
    return c.json(issued.body, status);
  };
  const authed = requireUser(deps, auth.sessions);

  app.post('/register', attempts('register'), async (c) => {
    const { email, password } = await readJson(c, credentialsSchema);
    return answer(c, await auth.register(email, password, who(c)), 201);
  });

  app.post('/login', attempts('login'), async (c) => {
    const { email, password } = await readJson(c, loginSchema);
    return answer(c, await auth.login(email, password, who(c)), 200);
  });

  // The JSON content type is required (readJson) so a cross-site form cannot refresh.
  app.post('/refresh', async (c) => {
    await readJson(c, emptyBodySchema);
    try {
      return answer(c, await auth.refresh(readRefreshCookie(c), who(c)), 200);
    } catch (error) {
      clearRefreshCookie(c, secure);
      throw error;
    }
  });

  app.post('/logout', async (c) => {
    await readJson(c, emptyBodySchema);
    await auth.logout(readRefreshCookie(c), who(c));
    clearRefreshCookie(c, secure);
    return c.body(null, 204);
  });

  app.post('/logout-all', authed, async (c) => {
    await auth.logoutAll(c.var.user.userId, who(c));
    clearRefreshCookie(c, secure);
    return c.body(null, 204);
  });

  app.post('/password', authed, async (c) => {
    const body = await readJson(c, changePasswordSchema);
    const { userId } = c.var.user;
    const issued = await auth.changePassword(
      userId,
      body.currentPassword,
      body.newPassword,
      who(c),
    );
    return answer(c, issued, 200);
  });

  return app;
}
