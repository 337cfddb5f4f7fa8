import type { AppDeps } from '../deps.js';
import { queryInt, queryString, sendJson } from '../http.js';
import type { Router } from '../router.js';

/** Escapes `\`, `%` and `_` so `q` matches literally inside a LIKE pattern (escape char `\`). */
export function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The ILIKE pattern for a case-insensitive literal substring match of `q`. */
export function containsPattern(q: string): string {
  return `%${escapeLike(q)}%`;
}

const LIKE_SEARCH = `SELECT id, author_id, title FROM posts
  WHERE title ILIKE $1 ESCAPE '\\' OR content ILIKE $1 ESCAPE '\\'
  ORDER BY id
  LIMIT $2`;

const FULLTEXT_SEARCH = `SELECT id, author_id, title, ts_rank(search_vector, query) AS rank
  FROM posts, plainto_tsquery('english', $1) AS query
  WHERE search_vector @@ query
  ORDER BY rank DESC, id
  LIMIT $2`;

/** Registers `GET /search/like` and `GET /search/fulltext` (scenario 19, table `posts`). */
export function registerSearchRoutes(router: Router, { pool }: AppDeps): void {
  const params = (query: URLSearchParams): [string, number] => [queryString(query, 'q', 1, 100), queryInt(query, 'limit', { default: 20, min: 1, max: 100 })];

  router.get('/search/like', async ({ res, query }) => {
    const [q, limit] = params(query);
    const { rows } = await pool.query(LIKE_SEARCH, [containsPattern(q), limit]);
    sendJson(res, 200, rows);
  });

  router.get('/search/fulltext', async ({ res, query }) => {
    const [q, limit] = params(query);
    const { rows } = await pool.query(FULLTEXT_SEARCH, [q, limit]);
    sendJson(res, 200, rows);
  });
}
