import { randomBytes } from 'node:crypto';
import { NativePostgresServer } from './native-postgres';
import { withClient } from './pg-admin';
import type { PostgresServer } from './postgres-server';
import { ensureSeedCache } from './seed-cache';
import { seedDatabase } from './seed-database';
import { TEMPLATE_DATABASE } from './seed-sql';

const pending = new WeakMap<PostgresServer, Promise<string>>();

/**
 * Makes sure `pg` has the seeded template database (`lab_template`) and returns its name.
 * Native servers started from the cache already have it. Otherwise, on a native server with no
 * databases of its own yet, the cache is built (once per machine and schema/seed version) and the
 * server restarts from it; else the template is seeded in place (~10 s or more).
 */
export function prepareSeededTemplate(pg: PostgresServer, opts?: { log?: (line: string) => void }): Promise<string> {
  let ready = pending.get(pg);
  if (!ready) {
    ready = ensureTemplate(pg, opts?.log);
    pending.set(pg, ready);
    ready.catch(() => pending.delete(pg));
  }
  return ready;
}

async function ensureTemplate(pg: PostgresServer, log?: (line: string) => void): Promise<string> {
  const databases = await withClient(pg.url(), async (client) => {
    const result = await client.query<{ datname: string }>('SELECT datname FROM pg_database');
    return result.rows.map((row) => row.datname);
  });
  if (databases.includes(TEMPLATE_DATABASE)) return TEMPLATE_DATABASE;
  const own = databases.filter((name) => !['postgres', 'template0', 'template1'].includes(name));
  if (pg instanceof NativePostgresServer && own.length === 0) {
    const cache = await ensureSeedCache({ bin: pg.bin, ...(pg.owner ? { owner: pg.owner } : {}), ...(log ? { log } : {}) });
    await pg.restartFrom(cache);
    log?.(`infra: PostgreSQL restarted from the seeded cache on 127.0.0.1:${pg.port}`);
    return TEMPLATE_DATABASE;
  }
  log?.(`infra: seeding ${TEMPLATE_DATABASE} in place`);
  await seedDatabase(pg.url(), TEMPLATE_DATABASE);
  return TEMPLATE_DATABASE;
}

let counter = 0;

/**
 * Creates a database cloned from the seeded template (preparing the template first if needed)
 * and returns its URL. `name` defaults to a unique `lab_<n>_<hex>`.
 */
export async function freshDatabase(pg: PostgresServer, name?: string): Promise<string> {
  const template = await prepareSeededTemplate(pg);
  const database = name ?? `lab_${++counter}_${randomBytes(3).toString('hex')}`;
  return pg.createDatabase(database, { template });
}
