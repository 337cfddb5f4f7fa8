import { defineCheck } from '../check';
import { findDifference } from '../compare';
import { arrayBody, ids, strictlyIncreasing } from './helpers';

/** Endpoint → table, for the nine column-overhead endpoints. */
export const columnOverheadTables: Record<string, string> = {
  'GET /column-overhead/narrow': 'users_narrow',
  'GET /column-overhead/wide': 'users_wide',
  'GET /column-overhead/extra-wide': 'users_extra_wide',
  'GET /column-overhead/type/int': 'users_type_int',
  'GET /column-overhead/type/varchar': 'users_type_varchar',
  'GET /column-overhead/type/text': 'users_type_text',
  'GET /column-overhead/type/jsonb': 'users_type_jsonb',
  'GET /column-overhead/type/timestamp': 'users_type_timestamp',
  'GET /column-overhead/type/uuid': 'users_type_uuid',
};

export const columnOverheadRowsCheck = defineCheck({
  id: 'column-overhead.rows',
  endpoints: Object.keys(columnOverheadTables),
  async run(ctx) {
    for (const [e, table] of Object.entries(columnOverheadTables)) {
      const rows = arrayBody(await ctx.call(e, { query: { limit: 5 } }));
      if (!rows) continue;
      if (rows.length !== 5) ctx.fail('limit', e, 'limit=5 must return 5 rows', { expected: 5, actual: rows.length });
      if (!strictlyIncreasing(ids(rows))) ctx.fail('order', e, 'rows must be ordered by id');
      if (ctx.db) {
        const dbRows = await ctx.db.rows(`SELECT * FROM ${table} ORDER BY id LIMIT 5`);
        ctx.differs('db-rows', e, `rows vs ${table}`, findDifference(dbRows, rows));
      }
    }
  },
});

export const columnOverheadBoundsCheck = defineCheck({
  id: 'column-overhead.bounds',
  endpoints: ['GET /column-overhead/narrow', 'GET /column-overhead/type/uuid'],
  async run(ctx) {
    const e = 'GET /column-overhead/narrow';
    const defaults = arrayBody(await ctx.call(e));
    if (defaults && defaults.length !== 100) ctx.fail('default-limit', e, 'the default limit is 100', { expected: 100, actual: defaults.length });
    for (const limit of [0, 1001, 'x']) await ctx.call(e, { query: { limit }, expect: 422 });
    const max = arrayBody(await ctx.call('GET /column-overhead/type/uuid', { query: { limit: 1000 } }));
    if (max && max.length !== 1000)
      ctx.fail('max-limit', 'GET /column-overhead/type/uuid', 'limit=1000 must return 1000 rows', { expected: 1000, actual: max.length });
  },
});

export const columnOverheadChecks = [columnOverheadRowsCheck, columnOverheadBoundsCheck];
