import { describe, expect, it } from 'vitest';
import { ConfigError, issuer, loadConfig } from './config';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/srv/app/data',
      allowSignup: true,
      trustProxy: false,
      metricsToken: null,
      logLevel: 'info',
    });
    expect(config.publicUrl.href).toBe('http://localhost:8080/');
    expect(issuer(config)).toBe('http://localhost:8080');
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '3000',
        HOST: '0.0.0.0',
        PYB_DATA_DIR: '/var/lib/pyb',
        PYB_PUBLIC_URL: 'https://pack.example.com',
        PYB_ALLOW_SIGNUP: 'false',
        PYB_TRUST_PROXY: 'true',
        PYB_METRICS_TOKEN: 'a-long-metrics-token',
        LOG_LEVEL: 'debug',
      },
      '/ignored',
    );
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dataDir: '/var/lib/pyb',
      allowSignup: false,
      trustProxy: true,
      metricsToken: 'a-long-metrics-token',
      logLevel: 'debug',
    });
    expect(issuer(config)).toBe('https://pack.example.com');
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', HOST: '' }).port).toBe(8080);
  });

  it.each([
    ['PORT', 'abc', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be a whole number/],
    ['PORT', '-1', /PORT must be a whole number/],
    ['HOST', 'not a host!', /HOST must be an IP address/],
    ['PYB_PUBLIC_URL', 'ftp://x.example', /PYB_PUBLIC_URL must be an absolute http/],
    ['PYB_PUBLIC_URL', 'localhost:8080', /PYB_PUBLIC_URL must be an absolute http/],
    ['PYB_ALLOW_SIGNUP', 'yes', /PYB_ALLOW_SIGNUP must be true or false/],
    ['PYB_TRUST_PROXY', 'TRUE!', /PYB_TRUST_PROXY must be true or false/],
    ['PYB_METRICS_TOKEN', 'short', /at least 16 characters/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
  ])('rejects %s=%s with a clear message', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it.each([
    ['PYB_METRICS_TOKEN', 'short-secret'],
    ['PYB_SENTRY_DSN', 'not-a-dsn-secret'],
  ])('never echoes a rejected secret (%s)', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(/value not shown/);
    expect(() => loadConfig({ [name]: value })).not.toThrow(value);
  });

  it('reads PYB_MIGRATE and PYB_SENTRY_DSN', () => {
    expect(loadConfig({})).toMatchObject({ migrate: 'auto', sentryDsn: null });
    const dsn = 'https://public@glitchtip.example.com/3';
    expect(loadConfig({ PYB_MIGRATE: 'off', PYB_SENTRY_DSN: dsn })).toMatchObject({
      migrate: 'off',
      sentryDsn: dsn,
    });
    expect(() => loadConfig({ PYB_MIGRATE: 'later' })).toThrow(/PYB_MIGRATE must be auto or off/);
  });

  it('reads the PostgreSQL variables, never echoing the URL or the key secret', () => {
    expect(loadConfig({})).toMatchObject({ database: null, keySecret: null });
    const url = 'postgres://pyb:hunter2-secret@db.internal:5432/pyb?sslmode=require';
    expect(
      loadConfig({
        PYB_DATABASE_URL: url,
        PYB_DATABASE_POOL: '25',
        PYB_KEY_SECRET: 'k'.repeat(16),
      }),
    ).toMatchObject({ database: { url, pool: 25 }, keySecret: 'k'.repeat(16) });
    expect(loadConfig({ PYB_DATABASE_URL: url }).database?.pool).toBe(10);
    const refused = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    const badUrl = refused({ PYB_DATABASE_URL: 'mysql://pyb:hunter2-secret@db/pyb' });
    expect(badUrl).toMatch(/PYB_DATABASE_URL must be a PostgreSQL URL .*\(value not shown\)/);
    expect(badUrl).not.toContain('hunter2');
    const shortSecret = refused({ PYB_KEY_SECRET: 'short-s3cret' });
    expect(shortSecret).toMatch(
      /PYB_KEY_SECRET must be at least 16 characters \(value not shown\)/,
    );
    expect(shortSecret).not.toContain('short-s3cret');
    expect(refused({ PYB_DATABASE_POOL: '0' })).toMatch(/PYB_DATABASE_POOL must be a whole number/);
    expect(refused({ PYB_DATABASE_URL: url, PYB_BACKUP_DIR: '/backups' })).toMatch(
      /PYB_BACKUP_DIR .* on PostgreSQL .* pg_dump/,
    );
  });

  it('lists every problem at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(/PORT[\s\S]*LOG_LEVEL/);
  });
});
