import type { FastifyInstance } from 'fastify';
import { serve } from '../contract-routes.js';
import type { AppDeps } from '../deps.js';

/** Contract endpoint id → table for the column-overhead endpoints (scenario 10). */
export const COLUMN_OVERHEAD_TABLES: Readonly<Record<string, string>> = {
  'column-overhead.narrow': 'users_narrow',
  'column-overhead.wide': 'users_wide',
  'column-overhead.extra-wide': 'users_extra_wide',
  'column-overhead.type.int': 'users_type_int',
  'column-overhead.type.varchar': 'users_type_varchar',
  'column-overhead.type.text': 'users_type_text',
  'column-overhead.type.jsonb': 'users_type_jsonb',
  'column-overhead.type.timestamp': 'users_type_timestamp',
  'column-overhead.type.uuid': 'users_type_uuid',
};

/**
 * Registers the nine `GET /column-overhead/...` endpoints: the first `limit` rows (1–1000,
 * default 100) with every column. The type parsers of `db.ts` keep timestamps and dates as
 * strings; pg parses JSONB into objects and prints UUIDs in lowercase.
 */
export async function columnOverheadRoutes(app: FastifyInstance, { pool }: AppDeps): Promise<void> {
  for (const [id, table] of Object.entries(COLUMN_OVERHEAD_TABLES)) {
    const sql = `SELECT * FROM ${table} ORDER BY id LIMIT $1`;
    serve<{ Querystring: { limit: number } }>(app, id, async (request) => (await pool.query(sql, [request.query.limit])).rows);
  }
}
