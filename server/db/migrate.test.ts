import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../paths';
import { tempDir } from '../test-support/fixture';
import { migrate, readMigrations, type Migration } from './migrate';
import { closeDatabase, openDatabase, type Db } from './open';

const m = (version: number, sql: string): Migration => ({ version, name: `m${version}`, sql });
const tables = (db: Db) =>
  db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    )
    .all()
    .map((r) => r.name);

describe('migrate', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((f) => f()));
  const freshDb = () => {
    const dir = tempDir();
    const db = openDatabase(join(dir.path, 'test.db'));
    cleanups.push(() => {
      closeDatabase(db);
      dir.remove();
    });
    return db;
  };

  it('applies migrations in order, once', () => {
    const db = freshDb();
    const all = [m(1, 'CREATE TABLE a (x INTEGER)'), m(2, 'ALTER TABLE a ADD COLUMN y TEXT')];
    expect(migrate(db, all.slice(0, 1))).toEqual([1]);
    expect(migrate(db, all)).toEqual([2]);
    expect(migrate(db, all)).toEqual([]);
    expect(tables(db)).toEqual(['a', 'schema_migrations']);
  });

  it('rolls back a failing migration and keeps the earlier ones', () => {
    const db = freshDb();
    const all = [m(1, 'CREATE TABLE a (x)'), m(2, 'CREATE TABLE b (x); CREATE TABLE a (y)')];
    expect(() => migrate(db, all)).toThrow(/already exists/);
    expect(tables(db)).toEqual(['a', 'schema_migrations']);
  });

  it('refuses an applied migration whose text changed', () => {
    const db = freshDb();
    migrate(db, [m(1, 'CREATE TABLE a (x)')]);
    expect(() => migrate(db, [m(1, 'CREATE TABLE a (x, y)')])).toThrow(
      /changed after it was applied/,
    );
  });

  it('refuses a database newer than the server', () => {
    const db = freshDb();
    migrate(db, [m(1, 'CREATE TABLE a (x)'), m(2, 'CREATE TABLE b (x)')]);
    expect(() => migrate(db, [m(1, 'CREATE TABLE a (x)')])).toThrow(/newer than this server/);
  });

  it('applies the shipped migrations to an empty database', () => {
    const db = freshDb();
    const shipped = readMigrations(MIGRATIONS_DIR);
    expect(shipped.map((x) => x.version)).toEqual(shipped.map((_, i) => i + 1));
    expect(migrate(db, shipped)).toHaveLength(shipped.length);
    expect(db.prepare("SELECT value FROM instance WHERE key = 'created_at'").pluck().get()).toMatch(
      /^\d{4}-/,
    );
  });

  it('rejects badly named or gapped migration files', () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const folder = join(dir.path, 'migrations');
    mkdirSync(folder);
    writeFileSync(join(folder, '0001-a.sql'), 'SELECT 1');
    writeFileSync(join(folder, '0003-c.sql'), 'SELECT 1');
    expect(() => readMigrations(folder)).toThrow(/without gaps/);
    writeFileSync(join(folder, 'oops.sql'), 'SELECT 1');
    expect(() => readMigrations(folder)).toThrow(/NNNN-name\.sql/);
  });
});

describe('openDatabase', () => {
  it('uses WAL and creates the file owner-only', async () => {
    const dir = tempDir();
    const file = join(dir.path, 'nested', 'x.db');
    const db = openDatabase(file);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const { statSync } = await import('node:fs');
      expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      closeDatabase(db);
      closeDatabase(db);
      dir.remove();
    }
  });
});
