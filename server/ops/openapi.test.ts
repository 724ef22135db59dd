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

  it('gives every operation a unique operationId and a declared tag, and every success a schema', async () => {
    t = await createTestApp();
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
      tags: { name: string }[];
      paths: Record<
        string,
        Record<
          string,
          { operationId: string; tags: string[]; responses: Record<string, { content?: object }> }
        >
      >;
    };
    const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods));
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    const declared = new Set(doc.tags.map((tag) => tag.name));
    for (const o of operations) {
      expect(o.tags).toHaveLength(1);
      expect(declared.has(o.tags[0] ?? '')).toBe(true);
      const [status, success] = Object.entries(o.responses)[0] ?? [];
      // 204 and 202 have no body; every other success names what it sends.
      if (status !== '204' && status !== '202')
        expect(success?.content, o.operationId).toBeDefined();
    }
    const login = doc.paths['/api/auth/login']?.post;
    expect(Object.keys(login?.responses ?? {})).toContain('403');
  });
});
