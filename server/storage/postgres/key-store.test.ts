// The shared signing keys on the real engine: stored as is without PYB_KEY_SECRET,
// as AES-256-GCM ciphertext with it, and never readable (nor leaked in an error)
// without the right secret.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { postgresPerTest } from '../../test-support/postgres-instances';
import type { Sql } from './connect';
import { createPostgresKeyStore } from './key-store';

const pg = postgresPerTest();

const newPem = () =>
  generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
const first = { name: '20261208T010000Z-0000000a.pem', pem: newPem() };
const second = { name: '20261208T020000Z-0000000b.pem', pem: newPem() };
const keys = [first, second];
const pems = keys.map((key) => key.pem);
const byName = (list: { name: string }[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));

const storedValues = async (sql: Sql) =>
  (
    await sql<{ name: string; pem: string }[]>`SELECT name, pem FROM signing_keys ORDER BY name`
  ).map((row) => row.pem);

/** The PEM's base64 body without its armour and line breaks: what a leak would contain. */
const body = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, '');

describe('PostgreSQL signing key store', () => {
  it('stores and lists the PEMs as they are without a secret', async () => {
    const sql = await pg.instance();
    const store = createPostgresKeyStore(sql);
    expect(await store.list()).toEqual([]);
    for (const key of keys) await store.add(key);
    expect(byName(await store.list())).toEqual(keys);
    expect(await storedValues(sql)).toEqual(pems);
  });

  it('encrypts the PEMs with a secret, so the table holds no key material', async () => {
    const sql = await pg.instance();
    const store = createPostgresKeyStore(sql, { secret: 'correct horse battery staple' });
    for (const key of keys) await store.add(key);
    const stored = await storedValues(sql);
    for (const value of stored) {
      expect(value).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
      expect(value).not.toContain('PRIVATE KEY');
      for (const pem of pems) expect(value).not.toContain(body(pem).slice(0, 40));
    }
    expect(byName(await store.list())).toEqual(keys);
    // Another instance with the same secret reads them too.
    const other = createPostgresKeyStore(await pg.instance(), {
      secret: 'correct horse battery staple',
    });
    expect(byName(await other.list())).toEqual(keys);
  });

  it('refuses to read encrypted keys without the secret or with a wrong one, naming PYB_KEY_SECRET', async () => {
    const sql = await pg.instance();
    await createPostgresKeyStore(sql, { secret: 'right' }).add(first);
    for (const reader of [
      createPostgresKeyStore(sql),
      createPostgresKeyStore(sql, { secret: 'wrong' }),
    ]) {
      const error = await reader.list().then(
        () => undefined,
        (failure: unknown) => failure as Error,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error?.message).toContain('PYB_KEY_SECRET');
      expect(error?.message).toContain(first.name);
      expect(error?.message).not.toContain(body(first.pem).slice(0, 20));
      expect(error?.message).not.toContain('right');
    }
  });

  it('binds a ciphertext to its key name', async () => {
    const sql = await pg.instance();
    const store = createPostgresKeyStore(sql, { secret: 's' });
    await store.add(first);
    await sql`UPDATE signing_keys SET name = ${second.name}`;
    await expect(store.list()).rejects.toThrow(/PYB_KEY_SECRET/);
  });

  it('keeps the key already stored under a name, also when instances add at once', async () => {
    const sql = await pg.instance();
    const [a, b] = [createPostgresKeyStore(sql), createPostgresKeyStore(await pg.instance())];
    await Promise.all([a.add(first), b.add({ name: first.name, pem: second.pem })]);
    await a.add({ name: first.name, pem: second.pem });
    const listed = await a.list();
    expect(listed).toHaveLength(1);
    expect(pems).toContain(listed[0]?.pem);
    // Two instances creating the first key at once (different names) both keep theirs.
    await Promise.all([a.add(second), b.add({ ...second, name: '20261208T020000Z-0000000c.pem' })]);
    expect(await b.list()).toHaveLength(3);
  });

  it('reads keys stored before a secret was set', async () => {
    const sql = await pg.instance();
    await createPostgresKeyStore(sql).add(first);
    const withSecret = createPostgresKeyStore(sql, { secret: 'later' });
    await withSecret.add(second);
    expect(byName(await withSecret.list())).toEqual(keys);
    expect((await storedValues(sql))[1]).toMatch(/^v1:/);
  });

  it('stores one first key however many instances start on an empty table at once', async () => {
    const [a, b] = await pg.two((sql) => createPostgresKeyStore(sql, { secret: 's' }));
    const proposals = Array.from({ length: 6 }, (_, i) => ({
      name: `20261208T03000${i}Z-0000000${i}.pem`,
      pem: i % 2 ? second.pem : first.pem,
    }));
    await Promise.all([a.list(), b.list()]); // connections open: the calls below meet
    await Promise.all(proposals.map((key, i) => (i % 2 ? b : a).addFirst(key)));
    const stored = await a.list();
    expect(stored).toHaveLength(1);
    expect(proposals).toContainEqual(stored[0]);
    expect(await b.list()).toEqual(stored);
    // With a key present, addFirst stores nothing.
    await b.addFirst({ ...second, name: '20261208T040000Z-00000009.pem' });
    expect(await a.list()).toEqual(stored);
  });

  it('removes a retired key', async () => {
    const [a] = await pg.two((sql) => createPostgresKeyStore(sql));
    await a.add(first);
    await a.add(second);
    await a.remove(first.name);
    expect((await a.list()).map((key) => key.name)).toEqual([second.name]);
  });
});
