import bcrypt from 'bcryptjs';
import { Router } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Deps } from '../deps.js';
import { validate } from '../http/validate.js';
import { FibonacciQuery } from '../schemas/requests.js';
import { buildReport, fibonacci, serializedItemsBytes } from '../services/report.js';

/** bcrypt cost of /cpu/hash. */
const BCRYPT_COST = 12;

/** An author's totals as the /io/db query returns them. */
interface AuthorTotalsRow {
  id: number;
  name: string;
  email: string;
  post_count: number;
  total_views: number;
}

/** The server-configuration endpoints: /io/*, /cpu/*, /mixed/report. */
export function serverConfigRouter({ prisma }: Deps): Router {
  const router = Router();

  // Prisma cannot SUM over a relation inside findMany, so the one LEFT JOIN … GROUP BY is raw SQL.
  const authorTotals = () => prisma.$queryRaw<AuthorTotalsRow[]>`
    SELECT a.id, a.name, a.email, COUNT(p.id)::int AS post_count, COALESCE(SUM(p.view_count), 0)::int AS total_views
    FROM authors a LEFT JOIN posts p ON p.author_id = a.id
    GROUP BY a.id ORDER BY a.id`;

  router.get('/io/sleep', async (_req, res) => {
    await sleep(100);
    res.json({ status: 'ok', slept: 0.1 });
  });

  router.get('/io/db', async (_req, res) => {
    const authors = await authorTotals();
    res.json({ count: authors.length, authors });
  });

  router.get('/cpu/fibonacci', (req, res) => {
    const { n } = validate(FibonacciQuery, req.query);
    res.json({ n, result: fibonacci(n) });
  });

  router.get('/cpu/hash', async (_req, res) => {
    const hash = await bcrypt.hash('benchmark-password', BCRYPT_COST);
    res.json({ status: 'ok', hash_length: hash.length });
  });

  router.get('/cpu/json-serialize', (_req, res) => {
    res.json({ status: 'ok', items: 10_000, bytes: serializedItemsBytes() });
  });

  router.get('/mixed/report', async (_req, res) => {
    const rows = await authorTotals();
    res.json(buildReport(rows.map(({ id, name, post_count, total_views }) => ({ id, name, post_count, total_views }))));
  });

  return router;
}
