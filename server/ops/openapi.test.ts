import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/fixture';

describe('GET /api/openapi.json', () => {
  let t: TestApp | undefined;
  afterEach(() => t?.close());

  it('describes every /api route of docs/api.md with request and response schemas', async () => {
    t = await createTestApp();
    const res = await t.app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'GET /api/health',
        'GET /api/error-reports',
        'POST /api/error-reports',
        'POST /api/auth/register',
        'POST /api/auth/login',
        'POST /api/auth/refresh',
        'POST /api/auth/logout',
        'POST /api/auth/logout-all',
        'POST /api/auth/password',
        'GET /api/account',
        'DELETE /api/account',
        'GET /api/account/export',
        'POST /api/sync',
      ].sort(),
    );
    const sync = doc.paths['/api/sync']?.post as {
      requestBody: { content: Record<string, { schema: { properties: object } }> };
      responses: Record<string, unknown>;
    };
    expect(
      Object.keys(sync.requestBody.content['application/json']?.schema.properties ?? {}),
    ).toEqual(expect.arrayContaining(['protocol', 'nodeId', 'since', 'limit', 'changes']));
    expect(Object.keys(sync.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '409', '410', '413', '415', '426', '429']),
    );
  });
});
