// Opens a connection pool to PostgreSQL (PYB_DATABASE_URL). bigint columns hold
// milliseconds and sequence numbers, far below 2^53, so they are read as numbers;
// the driver's default (strings) would leak into every comparison.
import postgres from 'postgres';

export type Sql = postgres.Sql<{ bigint: number }>;

export interface ConnectOptions {
  /** Connections in the pool; PYB_DATABASE_POOL, default 10. */
  max?: number;
}

export function connectPostgres(url: string, options: ConnectOptions = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    // Fail a request (and /api/health) within seconds when the database is unreachable,
    // rather than the driver's 30 s.
    connect_timeout: 5,
    // Notices (e.g. "relation already exists, skipping") are not errors; keep logs quiet.
    onnotice: () => undefined,
    types: {
      bigint: {
        to: 20,
        from: [20],
        serialize: (value: number) => String(value),
        parse: (value: string) => Number(value),
      },
    },
    connection: { application_name: 'packyourbag' },
  }) as unknown as Sql;
}

/** The URL without its password, for logs and messages. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}
