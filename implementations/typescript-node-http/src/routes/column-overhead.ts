import type { AppDeps } from '../deps.js';
import { queryInt, sendJson } from '../http.js';
import type { Router } from '../router.js';

/** Route suffix → table for the column-overhead endpoints (scenario 10). */
export const COLUMN_OVERHEAD_TABLES: Readonly<Record<string, string>> = {
  narrow: 'users_narrow',
  wide: 'users_wide',
  'extra-wide': 'users_extra_wide',
  'type/int': 'users_type_int',
  'type/varchar': 'users_type_varchar',
  'type/text': 'users_type_text',
  'type/jsonb': 'users_type_jsonb',
  'type/timestamp': 'users_type_timestamp',
  'type/uuid': 'users_type_uuid',
};

/**
 * Registers the nine `GET /column-overhead/...` endpoints: the first `limit` rows (1–1000,
 * default 100) with every column. Type parsers set in `db.ts` keep timestamps and dates as
 * strings; pg parses JSONB into objects and prints UUIDs in lowercase.
 */
export function registerColumnOverheadRoutes(router: Router, { pool }: AppDeps): void {
  for (const [suffix, table] of Object.entries(COLUMN_OVERHEAD_TABLES)) {
    const sql = `SELECT * FROM ${table} ORDER BY id LIMIT $1`;
    router.get(`/column-overhead/${suffix}`, async ({ res, query }) => {
      const limit = queryInt(query, 'limit', { default: 100, min: 1, max: 1000 });
      const { rows } = await pool.query(sql, [limit]);
      sendJson(res, 200, rows);
    });
  }
}
