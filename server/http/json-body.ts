// Reads a JSON request body against a zod schema, with docs/api.md's error order:
// a body that is not declared JSON is 415 (which also makes a cross-site form
// post impossible, since forms cannot send application/json without a CORS
// preflight), unparseable JSON or the wrong shape is 400 with the reason.
import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './api-error';

const JSON_TYPE = /^application\/json\s*(;|$)/i;

export function requireJsonContentType(c: Context): void {
  if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) {
    throw new ApiError(
      'unsupported_media_type',
      'Send the body as Content-Type: application/json.',
    );
  }
}

/** The parsed body, or an ApiError the error handler answers with. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  requireJsonContentType(c);
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    throw new ApiError('invalid_request', 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new ApiError('invalid_request', `${where}${issue?.message ?? 'invalid body'}`);
  }
  return parsed.data;
}
