import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { ApiError } from './api-error';
import { apiNotFound, createErrorHandler } from './error-handler';

function appWithRoutes() {
  const logged: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      logged.push(chunk.toString());
      done();
    },
  });
  const app = new Hono();
  app.onError(createErrorHandler(createLogger('info', sink)));
  app.get('/api-error', () => {
    throw new ApiError('email_taken', 'That email is taken.', { field: 'email' });
  });
  app.get('/hono-413', () => {
    throw new HTTPException(413, { message: 'Too big' });
  });
  app.get('/hono-503', () => {
    throw new HTTPException(503, { message: 'Busy' });
  });
  app.get('/boom', () => {
    throw new Error('database exploded at /secret/path');
  });
  app.notFound(apiNotFound);
  return { app, logged };
}

describe('error handler', () => {
  it('turns an ApiError into the API error body', async () => {
    const res = await appWithRoutes().app.request('/api-error');
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: { code: 'email_taken', message: 'That email is taken.', details: { field: 'email' } },
    });
  });

  it("maps Hono's HTTP exceptions to our codes", async () => {
    const res = await appWithRoutes().app.request('/hono-413');
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: 'payload_too_large', message: 'Too big' } });
  });

  it('keeps a 503 from middleware as service_unavailable', async () => {
    const res = await appWithRoutes().app.request('/hono-503');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { code: 'service_unavailable', message: 'Busy' } });
  });

  it('hides unexpected errors behind a generic 500 and logs the stack', async () => {
    const { app, logged } = appWithRoutes();
    const res = await app.request('/boom');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal_error', message: 'Something went wrong on the server.' },
    });
    expect(text).not.toContain('exploded');
    expect(logged.join('')).toContain('database exploded');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await appWithRoutes().app.request('/nowhere');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'not_found', message: 'No route for GET /nowhere' },
    });
  });
});
