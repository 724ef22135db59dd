// The HTTP API of a running built server, for tests that check what the server holds
// rather than what a page shows: sign-up and sign-in (docs/api.md "Auth"), pushes and a full
// pull (docs/api.md "Sync"). The in-process twin, over app.request(), is
// server/test-support/sync-client.ts; the cell folding is shared with it.
import { expect } from 'vitest';
import {
  PROTOCOL_VERSION,
  syncResponseSchema,
  type SyncChange,
  type SyncResponse,
} from '../../shared/protocol';
import { asObject, latestCells, type CellValue } from '../../server/test-support/sync-client';

export type { CellValue };

export async function apiPost(
  baseUrl: string,
  path: string,
  body: unknown,
  token?: string,
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
  return fetch(new URL(path, baseUrl), { method: 'POST', headers, body: JSON.stringify(body) });
}

/** Registers (`up`) or signs in; resolves the access token. */
export async function accessToken(
  baseUrl: string,
  how: 'up' | 'in',
  email: string,
  password: string,
): Promise<string> {
  const path = how === 'up' ? '/api/auth/register' : '/api/auth/login';
  const res = await apiPost(baseUrl, path, { email, password });
  const text = await res.text();
  expect(res.status, text).toBe(how === 'up' ? 201 : 200);
  return (JSON.parse(text) as { accessToken: string }).accessToken;
}

export function pushBody(nodeId: string, changes: SyncChange[], since = '') {
  return { protocol: PROTOCOL_VERSION, nodeId, since, changes };
}

async function syncPage(baseUrl: string, token: string, nodeId: string, since: string) {
  const res = await apiPost(
    baseUrl,
    '/api/sync',
    { ...pushBody(nodeId, [], since), limit: 5000 },
    token,
  );
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return syncResponseSchema.parse(JSON.parse(text)) as SyncResponse;
}

/** Everything the user's account holds, pulled from "" page by page: one entry per cell. */
export async function serverCells(
  baseUrl: string,
  token: string,
  nodeId: string,
): Promise<Record<string, CellValue>> {
  const changes: SyncChange[] = [];
  let cursor = '';
  for (let page = 0; page < 1000; page += 1) {
    const answer = await syncPage(baseUrl, token, nodeId, cursor);
    changes.push(...answer.changes);
    cursor = answer.cursor;
    if (!answer.more) return asObject(latestCells(changes));
  }
  throw new Error('the pull did not end within 1000 pages');
}

/** The names of the live items among those cells. */
export function liveItemNames(cells: Record<string, CellValue>): string[] {
  const names: string[] = [];
  for (const [key, cell] of Object.entries(cells)) {
    const [table, id, field] = key.split('/');
    if (table !== 'items' || field !== 'name') continue;
    if (cells[`items/${id}/deleted`]?.value === false) names.push(String(cell.value));
  }
  return names.sort();
}
