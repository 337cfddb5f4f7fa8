import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/client/client.js';

/**
 * Interactive-transaction limits, in ms. Prisma's defaults (wait 2 s for a connection, 5 s per
 * transaction) fail requests under benchmark concurrency, when many callers queue for the pool.
 */
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

/**
 * Prisma 7 client on the `pg` driver adapter. `max` sizes the adapter's pg.Pool: the process
 * never holds more than `poolSize` PostgreSQL connections (DB_POOL_SIZE, default 10). No query
 * logging: `log` is left empty so nothing is printed on the hot path.
 */
export function createPrisma(databaseUrl: string, poolSize: number): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize });
  return new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
}

export type { PrismaClient };
