import type pg from 'pg';
import { InfraError } from './errors';
import { quoteIdent, withClient } from './pg-admin';
import { readSeedSql } from './seed-sql';

/**
 * Creates database `name` on the server behind `adminUrl` (a URL of its `postgres` database),
 * runs schema.sql and seed.sql in it in one transaction, VACUUM (FREEZE, ANALYZE), and marks it
 * as a template.
 * Throws `LAB_PG_SEED_FAILED` with the server's message when the SQL fails.
 */
export async function seedDatabase(adminUrl: string, name: string): Promise<void> {
  const sql = await readSeedSql();
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    // One transaction: with wal_level=minimal the new tables are written without WAL.
    await withClient(url.toString(), async (client) => {
      await client.query(`BEGIN;\n${sql.schema}\n${sql.seed}\nCOMMIT;`);
      // Every clone then starts with hint bits set and an all-visible map: no first-read writes
      // in a benchmark, and index-only scans work from the first request.
      await client.query('VACUUM (FREEZE, ANALYZE)');
      // A snapshot still open elsewhere (e.g. autovacuum) can hold a few pages back: go again.
      for (let pass = 0; pass < 3 && (await notAllVisiblePages(client)) > 0; pass++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        await client.query('VACUUM (FREEZE)');
      }
    });
  } catch (error) {
    await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`)).catch(() => undefined);
    throw new InfraError('LAB_PG_SEED_FAILED', `seeding ${name} failed: ${(error as Error).message}`, { cause: error });
  }
  await withClient(adminUrl, (client) => client.query(`ALTER DATABASE ${quoteIdent(name)} IS_TEMPLATE true`));
}

/** Heap pages of the public tables not yet marked all-visible (per the counts VACUUM keeps). */
async function notAllVisiblePages(client: pg.Client): Promise<number> {
  const result = await client.query<{ pages: string | null }>(
    `SELECT sum(relpages - relallvisible) AS pages FROM pg_class
     WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`,
  );
  return Number(result.rows[0]?.pages ?? 0);
}
