import pg from 'pg';
import type { Pool, PoolClient } from 'pg';

const { types } = pg;

/** PostgreSQL type OIDs whose text form this service parses itself. */
const OID = { int8: 20, date: 1082, timestamp: 1114 } as const;

/**
 * Turns a `TIMESTAMP WITHOUT TIME ZONE` text value (stored in UTC) into ISO 8601 with `Z`,
 * keeping every fractional digit: `2025-01-01 00:00:00.5` → `2025-01-01T00:00:00.5Z`.
 * pg's default would build a Date in the process's local time zone.
 */
export function timestampToIso(value: string): string {
  return `${value.replace(' ', 'T')}Z`;
}

let typesInstalled = false;

/**
 * Installs the service's pg type parsers (once per process): timestamps as ISO strings in UTC,
 * dates as `YYYY-MM-DD` strings, and int8 (COUNT, SUM) as JSON numbers (every count here is far
 * below 2^53).
 */
export function installTypeParsers(): void {
  if (typesInstalled) return;
  types.setTypeParser(OID.timestamp, timestampToIso);
  types.setTypeParser(OID.date, (value: string) => value);
  types.setTypeParser(OID.int8, (value: string) => Number(value));
  typesInstalled = true;
}

/**
 * Creates the connection pool: `max` connections, kept open while idle (`idleTimeoutMillis: 0`)
 * so a benchmark never pays for reconnecting after a pause.
 */
export function createPool(connectionString: string, max: number): Pool {
  installTypeParsers();
  const pool = new pg.Pool({ connectionString, max, idleTimeoutMillis: 0 });
  // An idle connection that dies (database restart) must not crash the process.
  pool.on('error', (error) => console.error('pg pool: idle client error:', error.message));
  return pool;
}

/** Runs `work` on one checked-out connection (autocommit) and returns it to the pool. */
export async function withClient<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

/**
 * Runs `work` inside `begin` … COMMIT on one connection; rolls back and rethrows on error.
 * `begin` defaults to `BEGIN` (READ COMMITTED).
 */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    // A connection that cannot even roll back is broken: destroy it instead of pooling it.
    client.release(!(await rollbackQuietly(client)));
    throw error;
  }
}

/** Sends ROLLBACK; false when that fails (the connection is unusable). */
export async function rollbackQuietly(client: PoolClient): Promise<boolean> {
  try {
    await client.query('ROLLBACK');
    return true;
  } catch {
    return false;
  }
}
