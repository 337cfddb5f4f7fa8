import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInfraError } from './errors';
import type { NativePostgresServer } from './native-postgres';
import { withClient } from './pg-admin';
import type { PostgresServer } from './postgres-server';
import { isAlive } from './process-control';
import { freshDatabase, prepareSeededTemplate } from './seeded-template';
import { startPostgres } from './start-postgres';
import { verifySeed } from './verify-seed';

/** md5 of every row, in id order, of tables whose values come from the seed's hash. */
const CHECKSUM_SQL = `SELECT
  (SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM users_wide t) AS users_wide,
  (SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM posts t) AS posts,
  (SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM users_type_uuid t) AS users_type_uuid`;

/**
 * Recorded from two separately built clusters (the cache build and an in-place seed) on
 * PostgreSQL 15.18: the seed is deterministic. A change here means seed.sql changed.
 */
const EXPECTED_CHECKSUMS = {
  users_wide: '2dcdeb8632ce42620ec17896181a3104',
  posts: '5efd4b03aa615307a4d645f8cdc25c42',
  users_type_uuid: '86fd419c95fc02fdd47c084c7473fca9',
};

let pg: PostgresServer;

beforeAll(async () => {
  pg = await startPostgres({ backend: 'native' });
  await prepareSeededTemplate(pg);
});

afterAll(() => pg?.stop());

describe('startPostgres (native)', () => {
  it('serves SQL on a loopback port', async () => {
    expect(pg.backend).toBe('native');
    const version = await withClient(pg.url(), async (client) => (await client.query('SHOW server_version')).rows[0]);
    expect(version).toBeDefined();
  });

  it('runs with timezone UTC and pg_stat_statements queryable', async () => {
    const url = await freshDatabase(pg);
    await withClient(url, async (client) => {
      expect((await client.query('SHOW timezone')).rows[0]?.TimeZone).toBe('UTC');
      await client.query('SELECT pg_stat_statements_reset()');
      await client.query('SELECT count(*) FROM authors');
      const seen = await client.query(`SELECT calls FROM pg_stat_statements WHERE query LIKE '%FROM authors%'`);
      expect(seen.rowCount).toBeGreaterThan(0);
    });
  });

  it('gives fresh databases with exactly the seed row counts', async () => {
    expect(await verifySeed(await freshDatabase(pg))).toEqual([]);
  });

  it('gives independent fresh databases', async () => {
    const [a, b] = await Promise.all([freshDatabase(pg), freshDatabase(pg)]);
    await withClient(a, (client) => client.query('DELETE FROM products WHERE id = 10'));
    await withClient(a, (client) => client.query('DROP TABLE bulk_items'));
    expect(await verifySeed(a)).toEqual([
      { table: 'bulk_items', expected: 0, actual: null },
      { table: 'products', expected: 10, actual: 9 },
    ]);
    expect(await verifySeed(b)).toEqual([]);
  });

  it('seeds deterministically (checksums recorded from separate builds)', async () => {
    const url = await freshDatabase(pg);
    const sums = await withClient(url, async (client) => (await client.query(CHECKSUM_SQL)).rows[0]);
    expect(sums).toEqual(EXPECTED_CHECKSUMS);
  });

  it('drops databases', async () => {
    const url = await freshDatabase(pg, 'lab_to_drop');
    expect(url.endsWith('/lab_to_drop')).toBe(true);
    await pg.dropDatabase('lab_to_drop');
    const left = await withClient(pg.url(), (client) => client.query(`SELECT 1 FROM pg_database WHERE datname = 'lab_to_drop'`));
    expect(left.rowCount).toBe(0);
  });

  it('reports LAB_PG_NOT_FOUND for a wrong PG_BIN', async () => {
    const saved = process.env.PG_BIN;
    process.env.PG_BIN = '/nonexistent/pg/bin';
    try {
      const error = await startPostgres({ backend: 'native' }).catch((caught: unknown) => caught);
      expect(isInfraError(error, 'LAB_PG_NOT_FOUND')).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.PG_BIN;
      else process.env.PG_BIN = saved;
    }
  });
});

describe('stop', () => {
  it('ends the server and removes its temp dir', async () => {
    const server = (await startPostgres({ backend: 'native' })) as NativePostgresServer;
    expect(isAlive(server.pid)).toBe(true);
    await server.stop();
    await server.stop();
    expect(isAlive(server.pid)).toBe(false);
    expect(existsSync(server.dir)).toBe(false);
  });
});
