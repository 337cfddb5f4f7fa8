import type { AppDeps } from '../deps.js';
import { queryInt, sendJson } from '../http.js';
import type { Router } from '../router.js';

const COUNTRY_STATS = `SELECT COALESCE(country, '') AS country,
    COUNT(id)::int AS user_count,
    COALESCE(SUM(login_count), 0)::bigint AS total_logins,
    AVG(login_count)::float8 AS avg_logins
  FROM users_wide
  GROUP BY country
  ORDER BY user_count DESC, country
  LIMIT $1`;

const AUTHOR_STATS = `SELECT a.id AS author_id, a.name AS author_name,
    COUNT(p.id)::int AS post_count,
    COALESCE(SUM(p.view_count), 0)::bigint AS total_views,
    AVG(p.view_count)::float8 AS avg_views
  FROM authors a
  JOIN posts p ON p.author_id = a.id
  GROUP BY a.id, a.name
  ORDER BY post_count DESC, a.id
  LIMIT $1`;

/**
 * Registers the aggregation endpoints (scenario 18). This stack has no ORM: `count/orm` issues
 * the three separate COUNT queries an ORM would, `count/raw` one hand-written query; the two
 * `stats` variants run the same hand-written SQL.
 */
export function registerAggregationRoutes(router: Router, { pool }: AppDeps): void {
  router.get('/aggregation/count/orm', async ({ res }) => {
    const star = await pool.query<{ n: number }>('SELECT COUNT(*) AS n FROM users_wide');
    const ids = await pool.query<{ n: number }>('SELECT COUNT(id) AS n FROM users_wide');
    const statuses = await pool.query<{ n: number }>('SELECT COUNT(DISTINCT status) AS n FROM users_wide');
    sendJson(res, 200, {
      count_star: star.rows[0]!.n,
      count_id: ids.rows[0]!.n,
      count_distinct_status: statuses.rows[0]!.n,
    });
  });

  router.get('/aggregation/count/raw', async ({ res }) => {
    const { rows } = await pool.query(
      `SELECT COUNT(*) AS count_star, COUNT(id) AS count_id, COUNT(DISTINCT status) AS count_distinct_status
       FROM users_wide`,
    );
    sendJson(res, 200, rows[0]);
  });

  for (const variant of ['orm', 'raw']) {
    router.get(`/aggregation/stats/country/${variant}`, async ({ res, query }) => {
      const limit = queryInt(query, 'limit', { default: 10, min: 1, max: 100 });
      const { rows } = await pool.query(COUNTRY_STATS, [limit]);
      sendJson(res, 200, rows);
    });
    router.get(`/aggregation/stats/author/${variant}`, async ({ res, query }) => {
      const limit = queryInt(query, 'limit', { default: 10, min: 1, max: 100 });
      const { rows } = await pool.query(AUTHOR_STATS, [limit]);
      sendJson(res, 200, rows);
    });
  }
}
