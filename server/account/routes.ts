// /api/account: who am I, export all my data, delete my account (docs/api.md).
import { Hono, type Context } from 'hono';
import { deleteAccountSchema } from '../../shared/auth-api';
import type { AuthService } from '../auth/auth-service';
import { clearRefreshCookie } from '../auth/refresh-cookie';
import { requireUser, type AuthEnv, type RequireUserDeps } from '../auth/require-user';
import { publicUser } from '../auth/users';
import type { Config } from '../config';
import { ApiError } from '../http/api-error';
import { clientIp } from '../http/client-ip';
import { readJson } from '../http/json-body';
import type { Storage } from '../storage/storage';

export interface AccountRoutesDeps extends RequireUserDeps {
  storage: Storage;
  config: Pick<Config, 'publicUrl' | 'trustProxy'>;
}

export function accountRoutes(deps: AccountRoutesDeps, auth: AuthService): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use(requireUser(deps, auth.sessions));
  const who = (c: Context) => ({
    ip: clientIp(c, deps.config.trustProxy),
    userAgent: c.req.header('user-agent'),
  });
  const currentUser = async (c: Context<AuthEnv>) => {
    const user = await auth.users.byId(c.var.user.userId);
    // The session check just passed, so only a concurrent deletion gets here.
    if (!user) throw new ApiError('unauthenticated', 'Sign in to use this.');
    return user;
  };

  app.get('/', async (c) => c.json(publicUser(await currentUser(c))));

  app.get('/export', async (c) => {
    const user = await currentUser(c);
    const tables = await deps.storage.sync.exportTables(user.id);
    await auth.record('export', user.id, who(c));
    c.header('Content-Disposition', 'attachment; filename="packyourbag-export.json"');
    return c.json({ user: publicUser(user), tables });
  });

  app.delete('/', async (c) => {
    const { password } = await readJson(c, deleteAccountSchema);
    await auth.deleteAccount(c.var.user.userId, password, who(c));
    clearRefreshCookie(c, deps.config.publicUrl.protocol === 'https:');
    return c.body(null, 204);
  });

  return app;
}
