import type { FastifyInstance } from 'fastify';
import { serve } from '../contract-routes.js';
import type { AppDeps } from '../deps.js';

/** Registers `GET /users/offset` and `GET /users/cursor` (scenario 09, table `users_pagination`). */
export async function paginationRoutes(app: FastifyInstance, { pool }: AppDeps): Promise<void> {
  serve<{ Querystring: { page: number; size: number } }>(app, 'users.offset', async (request) => {
    const { page, size } = request.query;
    const count = await pool.query<{ total: number }>('SELECT COUNT(*)::int AS total FROM users_pagination');
    const total = count.rows[0]?.total ?? 0;
    // page ≤ 2^31 - 1 and size ≤ 100 (schema), so the offset stays far below 2^53.
    const { rows } = await pool.query(
      `SELECT id, name, email, created_at FROM users_pagination
       ORDER BY id OFFSET $1 LIMIT $2`,
      [(page - 1) * size, size],
    );
    return { items: rows, total, page, size, total_pages: Math.ceil(total / size) };
  });

  serve<{ Querystring: { cursor: number; size: number } }>(app, 'users.cursor', async (request) => {
    const { cursor, size } = request.query;
    // Keyset pagination; one extra row tells whether another page follows.
    const { rows } = await pool.query<{ id: number }>(
      `SELECT id, name, email, created_at FROM users_pagination
       WHERE id > $1 ORDER BY id LIMIT $2`,
      [cursor, size + 1],
    );
    const hasMore = rows.length > size;
    const items = hasMore ? rows.slice(0, size) : rows;
    return { items, next_cursor: hasMore ? items[items.length - 1]!.id : null, size };
  });
}
