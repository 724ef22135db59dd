// Server configuration, read once from the environment (docs/api.md "Configuration").
// Every value is validated up front so a typo fails at start with a message that
// names the variable, instead of surfacing later as a confusing runtime error.
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: URL;
  allowSignup: boolean;
  trustProxy: boolean;
  metricsToken: string | null;
  logLevel: LogLevel;
  /** Deleted rows are purged this many days after their deletion. */
  tombstoneDays: number;
  /** Scheduled backups (server/backup/scheduled-backups.ts); null when off. */
  backups: { dir: string; everyMs: number; keep: number } | null;
  /** `auto` applies pending migrations at start; `off` refuses to start while one is pending. */
  migrate: 'auto' | 'off';
  /** Sentry or GlitchTip DSN for error reports; null sends nothing. */
  sentryDsn: string | null;
  /** PostgreSQL (PYB_DATABASE_URL) instead of SQLite in dataDir; null is SQLite. */
  database: { url: string; pool: number } | null;
  /** Encrypts the signing keys stored in PostgreSQL (PYB_KEY_SECRET); null stores them plain. */
  keySecret: string | null;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Thrown for any invalid environment; `message` lists every problem, one per line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const HOSTNAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

const flag = (name: string, fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { error: `${name} must be true or false` })
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1'));

export const envSchema = z.object({
  // PORT=0 asks the OS for a free port (used by tests); the real port is printed.
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'PORT must be a whole number from 0 to 65535')
    .transform(Number)
    .refine((n) => n <= 65535, 'PORT must be a whole number from 0 to 65535')
    .default(8080),
  HOST: z
    .string()
    .refine(
      (h) => isIP(h) !== 0 || HOSTNAME.test(h),
      'HOST must be an IP address (such as 127.0.0.1 or 0.0.0.0) or a host name',
    )
    .default('127.0.0.1'),
  PYB_DATA_DIR: z.string().min(1, 'PYB_DATA_DIR must not be empty').default('./data'),
  PYB_PUBLIC_URL: z
    .string()
    .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), {
      error: 'PYB_PUBLIC_URL must be an absolute http:// or https:// URL',
    })
    .optional(),
  PYB_ALLOW_SIGNUP: flag('PYB_ALLOW_SIGNUP', true),
  PYB_TRUST_PROXY: flag('PYB_TRUST_PROXY', false),
  PYB_METRICS_TOKEN: z
    .string()
    .min(16, 'PYB_METRICS_TOKEN must be at least 16 characters')
    .optional(),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
    .default('info'),
  PYB_TOMBSTONE_DAYS: z
    .string()
    .regex(/^[1-9]\d{0,4}$/, 'PYB_TOMBSTONE_DAYS must be a whole number of days from 1')
    .transform(Number)
    .default(180),
  PYB_BACKUP_DIR: z.string().optional(),
  PYB_BACKUP_EVERY_HOURS: z
    .string()
    .regex(/^\d{1,4}(\.\d{1,3})?$/, 'PYB_BACKUP_EVERY_HOURS must be a number of hours, such as 24')
    .transform(Number)
    .refine((h) => h > 0, 'PYB_BACKUP_EVERY_HOURS must be more than 0')
    .default(24),
  PYB_BACKUP_KEEP: z
    .string()
    .regex(/^[1-9]\d{0,3}$/, 'PYB_BACKUP_KEEP must be a whole number from 1')
    .transform(Number)
    .default(7),
  PYB_MIGRATE: z
    .enum(['auto', 'off'], { error: 'PYB_MIGRATE must be auto or off' })
    .default('auto'),
  PYB_SENTRY_DSN: z
    .string()
    .refine(
      (s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol) && new URL(s).username,
      {
        error: 'PYB_SENTRY_DSN must be a DSN such as https://<key>@sentry.example.com/<project>',
      },
    )
    .optional(),
  PYB_DATABASE_URL: z
    .string()
    .refine((s) => URL.canParse(s) && /^postgres(ql)?:$/.test(new URL(s).protocol), {
      error:
        'PYB_DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/packyourbag',
    })
    .optional(),
  PYB_DATABASE_POOL: z
    .string()
    .regex(/^[1-9]\d{0,2}$/, 'PYB_DATABASE_POOL must be a whole number of connections from 1')
    .transform(Number)
    .default(10),
  PYB_KEY_SECRET: z.string().min(16, 'PYB_KEY_SECRET must be at least 16 characters').optional(),
});

/** Never echoed in an error message: a rejected value may still be a real secret. */
const SECRETS: ReadonlySet<string> = new Set([
  'PYB_METRICS_TOKEN',
  'PYB_SENTRY_DSN',
  'PYB_DATABASE_URL',
  'PYB_KEY_SECRET',
]);

/** Parses the environment; empty strings count as unset, as shells and .env files make them. */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const got = SECRETS.has(name) ? 'value not shown' : `got ${JSON.stringify(present[name])}`;
      return `- ${issue.message} (${got})`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.PYB_DATABASE_URL && e.PYB_BACKUP_DIR) {
    throw new ConfigError(
      'Invalid configuration:\n- PYB_BACKUP_DIR schedules backups of the SQLite file; on PostgreSQL (PYB_DATABASE_URL) back up with pg_dump instead (docs/scaling.md)',
    );
  }
  const publicUrl = new URL(e.PYB_PUBLIC_URL ?? `http://localhost:${e.PORT}`);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(cwd, e.PYB_DATA_DIR),
    publicUrl,
    allowSignup: e.PYB_ALLOW_SIGNUP,
    trustProxy: e.PYB_TRUST_PROXY,
    metricsToken: e.PYB_METRICS_TOKEN ?? null,
    logLevel: e.LOG_LEVEL,
    tombstoneDays: e.PYB_TOMBSTONE_DAYS,
    backups: e.PYB_BACKUP_DIR
      ? {
          dir: resolve(cwd, e.PYB_BACKUP_DIR),
          everyMs: Math.round(e.PYB_BACKUP_EVERY_HOURS * 3600 * 1000),
          keep: e.PYB_BACKUP_KEEP,
        }
      : null,
    migrate: e.PYB_MIGRATE,
    sentryDsn: e.PYB_SENTRY_DSN ?? null,
    database: e.PYB_DATABASE_URL ? { url: e.PYB_DATABASE_URL, pool: e.PYB_DATABASE_POOL } : null,
    keySecret: e.PYB_KEY_SECRET ?? null,
  };
}

/** The issuer string: the public URL without a trailing slash. */
export function issuer(config: Pick<Config, 'publicUrl'>): string {
  return config.publicUrl.href.replace(/\/$/, '');
}
