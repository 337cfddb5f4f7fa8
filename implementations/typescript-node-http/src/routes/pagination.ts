import type { AppDeps } from '../deps.js';
import { INT4_MAX, MAX_OFFSET, queryInt, sendJson } from '../http.js';
import type { Router } from '../router.js';

const PAGE_SIZE = { default: 20, min: 1, max: 100 };

/** Registers `GET /users/offset` and `GET /users/cursor` (scenario 09, table `users_pagination`). */
export function registerPaginationRoutes(router: Router, { pool }: AppDeps): void {
  router.get('/users/offset', async ({ res, query }) => {
    const page = queryInt(query, 'page', { default: 1, min: 1, max: MAX_OFFSET });
    const size = queryInt(query, 'size', PAGE_SIZE);
    const count = await pool.query<{ total: number }>('SELECT COUNT(*)::int AS total FROM users_pagination');
    const total = count.rows[0]?.total ?? 0;
    const { rows } = await pool.query(
      `SELECT id, name, email, created_at FROM users_pagination
       ORDER BY id OFFSET $1 LIMIT $2`,
      [(page - 1) * size, size],
    );
    sendJson(res, 200, { items: rows, total, page, size, total_pages: Math.ceil(total / size) });
  });

  router.get('/users/cursor', async ({ res, query }) => {
    const cursor = queryInt(query, 'cursor', { default: 0, min: 0, max: INT4_MAX });
    const size = queryInt(query, 'size', PAGE_SIZE);
    // One extra row tells whether another page follows.
    const { rows } = await pool.query<{ id: number }>(
      `SELECT id, name, email, created_at FROM users_pagination
       WHERE id > $1::bigint ORDER BY id LIMIT $2`,
      [cursor, size + 1],
    );
    const hasMore = rows.length > size;
    const items = hasMore ? rows.slice(0, size) : rows;
    sendJson(res, 200, { items, next_cursor: hasMore ? items[items.length - 1]!.id : null, size });
  });
}
