import { Router } from 'express';
import type { Deps } from '../deps.js';
import { validate } from '../http/validate.js';
import { StatsQuery } from '../schemas/requests.js';

type Prisma = Deps['prisma'];

/** `{country, user_count, total_logins, avg_logins}` of the stats endpoints. */
interface CountryStats {
  country: string;
  user_count: number;
  total_logins: number;
  avg_logins: number;
}

/** `{author_id, author_name, post_count, total_views, avg_views}` of the stats endpoints. */
interface AuthorStats {
  author_id: number;
  author_name: string;
  post_count: number;
  total_views: number;
  avg_views: number;
}

/** COUNT(*), COUNT(id), COUNT(DISTINCT status): three Prisma queries (count, count of id, distinct groupBy). */
async function countOrm(prisma: Prisma) {
  const countStar = await prisma.userWide.count();
  const { id: countId } = await prisma.userWide.count({ select: { id: true } });
  const statuses = await prisma.userWide.groupBy({ by: ['status'], where: { status: { not: null } } });
  return { count_star: countStar, count_id: countId, count_distinct_status: statuses.length };
}

/** The three counts in one hand-written query. */
async function countRaw(prisma: Prisma) {
  const [row] = await prisma.$queryRaw<{ count_star: number; count_id: number; count_distinct_status: number }[]>`
    SELECT COUNT(*)::int AS count_star, COUNT(id)::int AS count_id, COUNT(DISTINCT status)::int AS count_distinct_status
    FROM users_wide`;
  return row ?? { count_star: 0, count_id: 0, count_distinct_status: 0 };
}

/** Prisma groupBy on country, ordered by the count then the country. */
async function countryOrm(prisma: Prisma, limit: number): Promise<CountryStats[]> {
  const groups = await prisma.userWide.groupBy({
    by: ['country'],
    _count: { id: true },
    _sum: { loginCount: true },
    _avg: { loginCount: true },
    orderBy: [{ _count: { id: 'desc' } }, { country: 'asc' }],
    take: limit,
  });
  return groups.map((g) => ({
    country: g.country ?? '',
    user_count: g._count.id,
    total_logins: g._sum.loginCount ?? 0,
    avg_logins: g._avg.loginCount ?? 0,
  }));
}

/** The same GROUP BY country, hand-written. */
async function countryRaw(prisma: Prisma, limit: number): Promise<CountryStats[]> {
  return prisma.$queryRaw<CountryStats[]>`
    SELECT COALESCE(country, '') AS country, COUNT(id)::int AS user_count,
           COALESCE(SUM(login_count), 0)::int AS total_logins, COALESCE(AVG(login_count), 0)::float8 AS avg_logins
    FROM users_wide GROUP BY country ORDER BY user_count DESC, country LIMIT ${limit}`;
}

/**
 * Per-author statistics the Prisma way: groupBy on posts (so authors without posts drop out, as
 * with an inner join), then the page's author names with one findMany (2 queries).
 */
async function authorOrm(prisma: Prisma, limit: number): Promise<AuthorStats[]> {
  const groups = await prisma.post.groupBy({
    by: ['authorId'],
    _count: { id: true },
    _sum: { viewCount: true },
    _avg: { viewCount: true },
    orderBy: [{ _count: { id: 'desc' } }, { authorId: 'asc' }],
    take: limit,
  });
  const authors = await prisma.author.findMany({ where: { id: { in: groups.map((g) => g.authorId) } }, select: { id: true, name: true } });
  const names = new Map(authors.map((a) => [a.id, a.name]));
  return groups.map((g) => ({
    author_id: g.authorId,
    author_name: names.get(g.authorId) ?? '',
    post_count: g._count.id,
    total_views: g._sum.viewCount ?? 0,
    avg_views: g._avg.viewCount ?? 0,
  }));
}

/** authors JOIN posts GROUP BY author, hand-written. */
async function authorRaw(prisma: Prisma, limit: number): Promise<AuthorStats[]> {
  return prisma.$queryRaw<AuthorStats[]>`
    SELECT a.id AS author_id, a.name AS author_name, COUNT(p.id)::int AS post_count,
           COALESCE(SUM(p.view_count), 0)::int AS total_views, COALESCE(AVG(p.view_count), 0)::float8 AS avg_views
    FROM authors a JOIN posts p ON p.author_id = a.id
    GROUP BY a.id, a.name ORDER BY post_count DESC, a.id LIMIT ${limit}`;
}

/** /aggregation/* (scenario 18): each aggregate written with Prisma's API and as raw SQL. */
export function aggregationRouter({ prisma }: Deps): Router {
  const router = Router();
  router.get('/aggregation/count/orm', async (_req, res) => {
    res.json(await countOrm(prisma));
  });
  router.get('/aggregation/count/raw', async (_req, res) => {
    res.json(await countRaw(prisma));
  });
  router.get('/aggregation/stats/country/orm', async (req, res) => {
    res.json(await countryOrm(prisma, validate(StatsQuery, req.query).limit));
  });
  router.get('/aggregation/stats/country/raw', async (req, res) => {
    res.json(await countryRaw(prisma, validate(StatsQuery, req.query).limit));
  });
  router.get('/aggregation/stats/author/orm', async (req, res) => {
    res.json(await authorOrm(prisma, validate(StatsQuery, req.query).limit));
  });
  router.get('/aggregation/stats/author/raw', async (req, res) => {
    res.json(await authorRaw(prisma, validate(StatsQuery, req.query).limit));
  });
  return router;
}
