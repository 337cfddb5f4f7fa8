import { Router } from 'express';
import type { Deps } from '../deps.js';
import { validate } from '../http/validate.js';
import { SearchQuery } from '../schemas/requests.js';
import { escapeLike } from '../services/like-pattern.js';

/** A full-text hit. */
interface RankedHit {
  id: number;
  author_id: number;
  title: string;
  rank: number;
}

/** /search/like and /search/fulltext (scenario 19). */
export function searchRouter({ prisma }: Deps): Router {
  const router = Router();

  router.get('/search/like', async (req, res) => {
    const { q, limit } = validate(SearchQuery, req.query);
    // `contains` + `mode: 'insensitive'` renders `ILIKE '%' || $n || '%'`; wildcards are escaped first.
    const text = escapeLike(q);
    const hits = await prisma.post.findMany({
      where: { OR: [{ title: { contains: text, mode: 'insensitive' } }, { content: { contains: text, mode: 'insensitive' } }] },
      select: { id: true, authorId: true, title: true },
      orderBy: { id: 'asc' },
      take: limit,
    });
    res.json(hits.map((h) => ({ id: h.id, author_id: h.authorId, title: h.title })));
  });

  router.get('/search/fulltext', async (req, res) => {
    const { q, limit } = validate(SearchQuery, req.query);
    // Prisma cannot model tsvector (Unsupported), so the generated column is queried with raw SQL.
    const hits = await prisma.$queryRaw<RankedHit[]>`
      SELECT id, author_id, title, ts_rank(search_vector, query)::float8 AS rank
      FROM posts, plainto_tsquery('english', ${q}) AS query
      WHERE search_vector @@ query
      ORDER BY rank DESC, id LIMIT ${limit}`;
    res.json(hits);
  });

  return router;
}
