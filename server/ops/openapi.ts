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

const json = (schema: z.ZodType) => ({
  'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) },
});
const error = (description: string) => ({ description, content: json(errorBodySchema) });
const ok = (description: string, schema?: z.ZodType) =>
  schema ? { description, content: json(schema) } : { description };

interface Route {
  summary: string;
  body?: z.ZodType;
  bearer?: boolean;
  success: [string, ReturnType<typeof ok>];
  errors: Record<string, string>;
}

const ROUTES: Record<string, Record<string, Route>> = {
  '/api/health': {
    get: {
      summary: 'Liveness and database check',
      success: ['200', ok('{status: "ok", version}')],
      errors: { '503': 'The database does not answer' },
    },
  },
  '/api/error-reports': {
    get: {
      summary:
        'Whether error reports are on (PYB_SENTRY_DSN), with a stand-in DSN for the browser SDK',
      success: ['200', ok('{enabled: false} or {enabled: true, dsn}')],
      errors: {},
    },
    post: {
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
      summary: 'Create an account and sign in',
      body: credentialsSchema,
      success: ['201', ok('A session; sets the pyb_rt cookie', sessionResponseSchema)],
      errors: { '400': 'invalid_request', '403': 'signup_disabled', '409': 'email_taken' },
    },
  },
  '/api/auth/login': {
    post: {
      summary: 'Sign in',
      body: loginSchema,
      success: ['200', ok('A session; sets the pyb_rt cookie', sessionResponseSchema)],
      errors: { '400': 'invalid_request', '401': 'invalid_credentials', '429': 'rate_limited' },
    },
  },
  '/api/auth/refresh': {
    post: {
      summary: 'Rotate the pyb_rt cookie for a new access token',
      body: emptyBodySchema,
      success: ['200', ok('A session of the same family', sessionResponseSchema)],
      errors: { '401': 'invalid_refresh or refresh_reused', '415': 'unsupported_media_type' },
    },
  },
  '/api/auth/logout': {
    post: {
      summary: 'End this device’s session',
      body: emptyBodySchema,
      success: ['204', ok('Cookie cleared, family revoked')],
      errors: { '415': 'unsupported_media_type' },
    },
  },
  '/api/auth/logout-all': {
    post: {
      summary: 'End every session of the user',
      bearer: true,
      success: ['204', ok('Every family revoked')],
      errors: { '401': 'unauthenticated' },
    },
  },
  '/api/auth/password': {
    post: {
      summary: 'Change the password; every earlier session ends',
      bearer: true,
      body: changePasswordSchema,
      success: ['200', ok('A new session', sessionResponseSchema)],
      errors: { '400': 'invalid_request', '401': 'invalid_credentials or unauthenticated' },
    },
  },
  '/api/account': {
    get: {
      summary: 'The signed-in account',
      bearer: true,
      success: ['200', ok('The account', userSchema)],
      errors: { '401': 'unauthenticated' },
    },
    delete: {
      summary: 'Erase the account and all its data',
      bearer: true,
      body: deleteAccountSchema,
      success: ['204', ok('Erased')],
      errors: { '401': 'invalid_credentials or unauthenticated' },
    },
  },
  '/api/account/export': {
    get: {
      summary: 'Every record of the user as JSON',
      bearer: true,
      success: ['200', ok('The export', accountExportSchema)],
      errors: { '401': 'unauthenticated' },
    },
  },
  '/api/sync': {
    post: {
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
    summary: route.summary,
    ...(route.bearer ? { security: [{ bearer: [] }] } : {}),
    ...(route.body ? { requestBody: { required: true, content: json(route.body) } } : {}),
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
