import { Router } from 'express';
import type { Deps } from '../deps.js';
import { validate } from '../http/validate.js';
import { authorFields, postFields, toAuthorJson } from '../mappers/author.js';
import { AuthorsPageQuery } from '../schemas/requests.js';

const postsById = { select: postFields, orderBy: { id: 'asc' } } as const;

/**
 * /n-plus-one/{lazy,eager,subquery} (scenario 11): the same body, three loading strategies.
 * - lazy: the authors page, then one `posts` query per author, awaited in a loop (1 + N).
 * - eager: `include` with `relationLoadStrategy: 'join'` — one SELECT with a LATERAL JOIN that
 *   aggregates each author's posts to JSON (1).
 * - subquery: `include` with `relationLoadStrategy: 'query'` — the authors page, then
 *   `posts WHERE author_id IN (…)`, stitched by Prisma (2).
 */
export function nPlusOneRouter({ prisma }: Deps): Router {
  const router = Router();

  router.get('/n-plus-one/lazy', async (req, res) => {
    const { limit, offset } = validate(AuthorsPageQuery, req.query);
    const authors = await prisma.author.findMany({ select: authorFields, orderBy: { id: 'asc' }, skip: offset, take: limit });
    const result = [];
    for (const author of authors) {
      const posts = await prisma.post.findMany({ where: { authorId: author.id }, ...postsById });
      result.push(toAuthorJson({ ...author, posts }));
    }
    res.json(result);
  });

  router.get('/n-plus-one/eager', async (req, res) => {
    const { limit, offset } = validate(AuthorsPageQuery, req.query);
    const authors = await prisma.author.findMany({
      relationLoadStrategy: 'join',
      select: { ...authorFields, posts: postsById },
      orderBy: { id: 'asc' },
      skip: offset,
      take: limit,
    });
    res.json(authors.map(toAuthorJson));
  });

  router.get('/n-plus-one/subquery', async (req, res) => {
    const { limit, offset } = validate(AuthorsPageQuery, req.query);
    const authors = await prisma.author.findMany({
      relationLoadStrategy: 'query',
      select: { ...authorFields, posts: postsById },
      orderBy: { id: 'asc' },
      skip: offset,
      take: limit,
    });
    res.json(authors.map(toAuthorJson));
  });

  return router;
}
