import type { FastifyInstance } from 'fastify';
import { serve } from '../contract-routes.js';
import type { AppDeps } from '../deps.js';

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

type Limit = { Querystring: { limit: number } };

/**
 * Registers the aggregation endpoints (scenario 18). This stack has no ORM: `count/orm` sends
 * the three separate COUNT queries an ORM would, `count/raw` one hand-written query; the two
 * `stats` variants run the same hand-written SQL (as the baseline does).
 */
export async function aggregationRoutes(app: FastifyInstance, { pool }: AppDeps): Promise<void> {
  serve(app, 'aggregation.count.orm', async () => {
    const star = await pool.query<{ n: number }>('SELECT COUNT(*) AS n FROM users_wide');
    const ids = await pool.query<{ n: number }>('SELECT COUNT(id) AS n FROM users_wide');
    const statuses = await pool.query<{ n: number }>('SELECT COUNT(DISTINCT status) AS n FROM users_wide');
    return { count_star: star.rows[0]!.n, count_id: ids.rows[0]!.n, count_distinct_status: statuses.rows[0]!.n };
  });

  serve(app, 'aggregation.count.raw', async () => {
    const { rows } = await pool.query(
      `SELECT COUNT(*) AS count_star, COUNT(id) AS count_id, COUNT(DISTINCT status) AS count_distinct_status
       FROM users_wide`,
    );
    return rows[0];
  });

  for (const variant of ['orm', 'raw']) {
    serve<Limit>(app, `aggregation.stats.country.${variant}`, async (request) => (await pool.query(COUNTRY_STATS, [request.query.limit])).rows);
    serve<Limit>(app, `aggregation.stats.author.${variant}`, async (request) => (await pool.query(AUTHOR_STATS, [request.query.limit])).rows);
  }
}
