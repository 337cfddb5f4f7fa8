import type { FastifyInstance } from 'fastify';
import { serve } from '../contract-routes.js';
import type { AppDeps } from '../deps.js';

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

type SearchQuery = { Querystring: { q: string; limit: number } };

/**
 * Registers `GET /search/like` and `GET /search/fulltext` (scenario 19, table `posts`). `q` is
 * 1–100 characters without U+0000 and `limit` 1–100 (generated schema).
 */
export async function searchRoutes(app: FastifyInstance, { pool }: AppDeps): Promise<void> {
  serve<SearchQuery>(app, 'search.like', async (request) => {
    const { q, limit } = request.query;
    return (await pool.query(LIKE_SEARCH, [containsPattern(q), limit])).rows;
  });

  serve<SearchQuery>(app, 'search.fulltext', async (request) => {
    const { q, limit } = request.query;
    return (await pool.query(FULLTEXT_SEARCH, [q, limit])).rows;
  });
}
