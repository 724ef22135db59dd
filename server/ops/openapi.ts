// GET /api/openapi.json: an OpenAPI 3.1 description of every /api route,
// generated from the same zod schemas that validate the requests (shared/), so
// the document cannot drift from what the server accepts.
import { Hono } from 'hono';
import { z } from 'zod';
import {
  accountExportSchema,
  changePasswordSchema,
  credentialsSchema,
  deleteAccountSchema,
  emptyBodySchema,
  loginSchema,
  sessionResponseSchema,
  userSchema,
} from '../../shared/auth-api';
import { errorBodySchema } from '../../shared/errors';
import { syncRequestSchema, syncResponseSchema } from '../../shared/protocol';

/** Request bodies are described as they are accepted, answers as they are sent. */
const json = (schema: z.ZodType, io: 'input' | 'output') => ({
  'application/json': { schema: z.toJSONSchema(schema, { io, unrepresentable: 'any' }) },
});
const error = (description: string) => ({ description, content: json(errorBodySchema, 'output') });
const ok = (description: string, schema?: z.ZodType) =>
  schema ? { description, content: json(schema, 'output') } : { description };

const healthSchema = z.object({ status: z.literal('ok'), version: z.string() });
const errorReportsSchema = z.union([
  z.object({ enabled: z.literal(false) }),
  z.object({ enabled: z.literal(true), dsn: z.string() }),
]);

type Tag = 'operations' | 'auth' | 'account' | 'sync';

interface Route {
  /** The operationId: unique, stable, for generated clients. */
  id: string;
  tag: Tag;
  summary: string;
  body?: z.ZodType;
  bearer?: boolean;
  success: [string, ReturnType<typeof ok>];
  errors: Record<string, string>;
}

const ROUTES: Record<string, Record<string, Route>> = {
  '/api/health': {
    get: {
      id: 'getHealth',
      tag: 'operations',
      summary: 'Liveness and database check',
      success: ['200', ok('The server and its database answer', healthSchema)],
      errors: { '503': 'The database does not answer' },
    },
  },
  '/api/error-reports': {
    get: {
      id: 'getErrorReportSettings',
      tag: 'operations',
      summary:
        'Whether error reports are on (PYB_SENTRY_DSN), with a stand-in DSN for the browser SDK',
      success: ['200', ok('{enabled: false} or {enabled: true, dsn}', errorReportsSchema)],
      errors: {},
    },
    post: {
      id: 'postErrorReport',
      tag: 'operations',
      summary: 'Tunnel for browser error reports (a Sentry envelope); scrubbed and forwarded',
      success: ['202', ok('Forwarded')],
      errors: {
        '400': 'invalid_request',
        '404': 'not_found',
        '413': 'payload_too_large',
        '429': 'rate_limited',
      },
    },
  },
  '/api/auth/register': {
    post: {
      id: 'register',
      tag: 'auth',
      summary: 'Create an account and sign in',
      body: credentialsSchema,
      success: ['201', ok('A session; sets the pyb_rt cookie', sessionResponseSchema)],
      errors: {
        '400': 'invalid_request',
        '403': 'signup_disabled',
        '409': 'email_taken',
        '413': 'payload_too_large',
        '415': 'unsupported_media_type',
        '429': 'rate_limited',
      },
    },
  },
  '/api/auth/login': {
    post: {
      id: 'login',
      tag: 'auth',
      summary: 'Sign in',
      body: loginSchema,
      success: ['200', ok('A session; sets the pyb_rt cookie', sessionResponseSchema)],
      errors: {
        '400': 'invalid_request',
        '401': 'invalid_credentials',
        '403': 'account_disabled',
        '413': 'payload_too_large',
        '415': 'unsupported_media_type',
        '429': 'rate_limited',
      },
    },
  },
  '/api/auth/refresh': {
    post: {
      id: 'refresh',
      tag: 'auth',
      summary: 'Rotate the pyb_rt cookie for a new access token',
      body: emptyBodySchema,
      success: ['200', ok('A session of the same family', sessionResponseSchema)],
      errors: {
        '401': 'invalid_refresh or refresh_reused',
        '403': 'account_disabled',
        '415': 'unsupported_media_type',
      },
    },
  },
  '/api/auth/logout': {
    post: {
      id: 'logout',
      tag: 'auth',
      summary: 'End this device’s session',
      body: emptyBodySchema,
      success: ['204', ok('Cookie cleared, family revoked')],
      errors: { '415': 'unsupported_media_type' },
    },
  },
  '/api/auth/logout-all': {
    post: {
      id: 'logoutAll',
      tag: 'auth',
      summary: 'End every session of the user',
      bearer: true,
      success: ['204', ok('Every family revoked')],
      errors: { '401': 'unauthenticated' },
    },
  },
  '/api/auth/password': {
    post: {
      id: 'changePassword',
      tag: 'auth',
      summary: 'Change the password; every earlier session ends',
      bearer: true,
      body: changePasswordSchema,
      success: ['200', ok('A new session', sessionResponseSchema)],
      errors: { '400': 'invalid_request', '401': 'invalid_credentials or unauthenticated' },
    },
  },
  '/api/account': {
    get: {
      id: 'getAccount',
      tag: 'account',
      summary: 'The signed-in account',
      bearer: true,
      success: ['200', ok('The account', userSchema)],
      errors: { '401': 'unauthenticated' },
    },
    delete: {
      id: 'deleteAccount',
      tag: 'account',
      summary: 'Erase the account and all its data',
      bearer: true,
      body: deleteAccountSchema,
      success: ['204', ok('Erased')],
      errors: { '401': 'invalid_credentials or unauthenticated' },
    },
  },
  '/api/account/export': {
    get: {
      id: 'exportAccount',
      tag: 'account',
      summary: 'Every record of the user as JSON',
      bearer: true,
      success: ['200', ok('The export', accountExportSchema)],
      errors: { '401': 'unauthenticated' },
    },
  },
  '/api/sync': {
    post: {
      id: 'sync',
      tag: 'sync',
      summary: 'Push local changes and pull newer cells',
      bearer: true,
      body: syncRequestSchema,
      success: ['200', ok('Cells newer than since', syncResponseSchema)],
      errors: {
        '400': 'invalid_request',
        '401': 'unauthenticated',
        '409': 'clock_drift',
        '410': 'resync_required',
        '413': 'payload_too_large',
        '415': 'unsupported_media_type',
        '426': 'upgrade_required',
        '429': 'rate_limited',
      },
    },
  },
};

function operation(route: Route) {
  const responses: Record<string, unknown> = { [route.success[0]]: route.success[1] };
  for (const [status, description] of Object.entries(route.errors)) {
    responses[status] = error(description);
  }
  return {
    operationId: route.id,
    tags: [route.tag],
    summary: route.summary,
    ...(route.bearer ? { security: [{ bearer: [] }] } : {}),
    ...(route.body ? { requestBody: { required: true, content: json(route.body, 'input') } } : {}),
    responses,
  };
}

export function openApiDocument(version: string) {
  const paths = Object.fromEntries(
    Object.entries(ROUTES).map(([path, methods]) => [
      path,
      Object.fromEntries(Object.entries(methods).map(([m, r]) => [m, operation(r)])),
    ]),
  );
  return {
    openapi: '3.1.0',
    info: { title: 'PackYourBag sync server', version },
    tags: [
      { name: 'operations', description: 'Health and error reports' },
      { name: 'auth', description: 'Accounts, sessions and refresh tokens' },
      { name: 'account', description: 'The signed-in account: read, export, delete' },
      { name: 'sync', description: 'Push and pull cells (docs/api.md "Sync")' },
    ],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    paths,
  };
}

export function openApiRoutes(version: string): Hono {
  const app = new Hono();
  const document = openApiDocument(version);
  app.get('/openapi.json', (c) => c.json(document));
  return app;
}
