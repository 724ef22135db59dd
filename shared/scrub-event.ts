// Strips personal data from an error report before it leaves the process or the
// browser (Sentry's or GlitchTip's event JSON). What goes: the user, the request
// body, headers and cookies, the query string, breadcrumbs (they echo UI text
// and console lines, i.e. user content), free-form `extra` values under keys
// that name secrets or content, local variables of stack frames; and, in every
// string that is left, email addresses, IP addresses, bearer tokens, JWTs,
// refresh tokens and other long random strings. What stays: the error type,
// message (scrubbed), stack frames, release and runtime, enough to find a bug.
// Pure: no Sentry import, so both the server and the client module use it.

const REMOVED = '[removed]';

/** Keys whose values are never sent: secrets, personal data, user content. */
const SENSITIVE_KEY =
  /pass|secret|token|auth|cookie|session|email|mail|ip|address|body|content|note|name|description|query|user|phone/i;

/** Identifiers Sentry needs intact (random-looking or @-containing, but not personal). */
const KEEP_KEYS = new Set([
  'event_id',
  'trace_id',
  'span_id',
  'parent_span_id',
  'debug_id',
  'sid',
  'release',
]);

const PATTERNS: [RegExp, string][] = [
  [/\bBearer\s+[^\s"',;]+/gi, 'Bearer [token]'],
  [/\beyJ[\w-]*\.[\w-]*\.[\w-]*/g, '[token]'], // JWT (access tokens)
  [/\bpyb_rt=[^\s;"',]*/g, 'pyb_rt=[token]'],
  [/[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, '[email]'],
  [/\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/g, '[ip]'],
  // IPv6: a run of hex groups with "::" or all eight groups (not a time like 10:00:00).
  [/(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])/g, '\u0000'],
  // Long random strings: refresh tokens, API keys, hashes (32+ base64url characters with a digit).
  [/\b(?=[\w-]*\d)[\w-]{32,}\b/g, '[token]'],
];

function scrubText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) {
    out =
      replacement === '\u0000'
        ? out.replace(pattern, (m) => (m.includes('::') || m.split(':').length === 8 ? '[ip]' : m))
        : out.replace(pattern, replacement);
  }
  return out;
}

/** Scrubs every string below `value`; `byKey` also drops values under sensitive keys. */
function scrubValue(value: unknown, byKey: boolean, key = ''): unknown {
  if (KEEP_KEYS.has(key)) return value;
  if (byKey && SENSITIVE_KEY.test(key)) return REMOVED;
  if (typeof value === 'string') return scrubText(value);
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, byKey));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // Untrusted JSON (a client's report) must not reach a prototype.
      if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
      if (k === 'vars') continue; // local variables of a stack frame
      out[k] = scrubValue(v, byKey, k);
    }
    return out;
  }
  return value;
}

const SPECIAL_KEYS = new Set(['user', 'breadcrumbs', 'request', 'extra', 'tags']);

interface RequestLike {
  method?: unknown;
  url?: unknown;
}

/** Returns a scrubbed copy of an error event; the input is left as it was. */
export function scrubEvent<T extends object>(event: T): T {
  const { request, extra, tags } = event as Record<string, unknown>;
  // The user and breadcrumbs go entirely; the other three are rebuilt below.
  const rest = Object.fromEntries(Object.entries(event).filter(([key]) => !SPECIAL_KEYS.has(key)));
  const out = scrubValue(rest, false) as Record<string, unknown>;
  if (extra !== undefined) out.extra = scrubValue(extra, true);
  if (tags !== undefined) out.tags = scrubValue(tags, true);
  if (request && typeof request === 'object') {
    // Method and path only: headers, cookies, body, query string and env all go.
    const { method, url } = request as RequestLike;
    const path = typeof url === 'string' ? url.split(/[?#]/)[0] : undefined;
    out.request = {
      ...(typeof method === 'string' ? { method } : {}),
      ...(path !== undefined ? { url: scrubText(path) } : {}),
    };
  }
  return out as T;
}
