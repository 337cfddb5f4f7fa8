import { defineCheck } from '../check';
import { findDifference } from '../compare';
import { objectBody } from './helpers';

const KINDS = ['count', 'stats/country', 'stats/author'] as const;
const endpointOf = (kind: string, variant: string) => `GET /aggregation/${kind}/${variant}`;

/** The SQL that defines each aggregation's expected answer. */
export const aggregationSql: Record<(typeof KINDS)[number], string> = {
  count: 'SELECT count(*) AS count_star, count(id) AS count_id, count(DISTINCT status) AS count_distinct_status FROM users_wide',
  'stats/country': `SELECT country, count(*) AS user_count, sum(login_count) AS total_logins, avg(login_count)::float8 AS avg_logins
      FROM users_wide GROUP BY country ORDER BY user_count DESC, country LIMIT $1`,
  'stats/author': `SELECT a.id AS author_id, a.name AS author_name, count(p.id) AS post_count, sum(p.view_count) AS total_views,
      avg(p.view_count)::float8 AS avg_views
      FROM authors a JOIN posts p ON p.author_id = a.id GROUP BY a.id, a.name ORDER BY post_count DESC, a.id LIMIT $1`,
};

export const aggregationCheck = defineCheck({
  id: 'aggregation',
  endpoints: KINDS.flatMap((k) => [endpointOf(k, 'orm'), endpointOf(k, 'raw')]),
  async run(ctx) {
    const limit = 12;
    for (const kind of KINDS) {
      const query = kind === 'count' ? {} : { limit };
      const orm = await ctx.call(endpointOf(kind, 'orm'), { query });
      const raw = await ctx.call(endpointOf(kind, 'raw'), { query });
      if (!orm?.ok || !raw?.ok) continue;
      ctx.differs('orm-raw', endpointOf(kind, 'raw'), `${kind}: raw vs orm`, findDifference(orm.body, raw.body));
      if (kind !== 'count' && Array.isArray(orm.body) && orm.body.length !== limit) {
        ctx.fail('limit', endpointOf(kind, 'orm'), `limit=${limit} must return ${limit} rows`, { expected: limit, actual: orm.body.length });
      }
      if (kind !== 'count' && Array.isArray(raw.body)) {
        const [count, tie] = kind === 'stats/country' ? ['user_count', 'country'] : ['post_count', 'author_id'];
        const rows = raw.body as Record<string, number | string>[];
        const sorted = rows.every((r, i) => {
          const prev = rows[i - 1];
          return !prev || prev[count]! > r[count]! || (prev[count] === r[count] && prev[tie]! < r[tie]!);
        });
        if (!sorted) ctx.fail('order', endpointOf(kind, 'raw'), `rows must be ordered by ${count} descending, then ${tie}`);
      }
      if (ctx.db) {
        const rows = await ctx.db.rows(aggregationSql[kind], kind === 'count' ? [] : [limit]);
        const expected = kind === 'count' ? rows[0] : rows;
        for (const [variant, reply] of [
          ['orm', orm],
          ['raw', raw],
        ] as const) {
          ctx.differs('db', endpointOf(kind, variant), `${kind} vs the database`, findDifference(expected, kind === 'count' ? objectBody(reply) : reply.body));
        }
      }
    }
    for (const limit of [0, 101]) await ctx.call(endpointOf('stats/country', 'raw'), { query: { limit }, expect: 422 });
  },
});

export const aggregationChecks = [aggregationCheck];
