import { setTimeout as sleep } from 'node:timers/promises';
import bcrypt from 'bcryptjs';
import type { FastifyInstance } from 'fastify';
import { serve } from '../contract-routes.js';
import type { AppDeps } from '../deps.js';

/** Per-author totals used by `/io/db` and `/mixed/report`. */
export interface AuthorTotals {
  id: number;
  name: string;
  email: string;
  post_count: number;
  total_views: number;
}

/** An entry of the `/mixed/report` top-10 lists. */
export interface ReportEntry {
  id: number;
  name: string;
  post_count: number;
  total_views: number;
  avg_views: number;
}

/** The `/mixed/report` body. */
export interface MixedReport {
  summary: {
    total_authors: number;
    total_posts: number;
    total_views: number;
    avg_posts_per_author: number;
    avg_views_per_post: number;
  };
  top_by_posts: ReportEntry[];
  top_by_views: ReportEntry[];
}

const AUTHOR_TOTALS = `SELECT a.id, a.name, a.email,
    COUNT(p.id)::int AS post_count,
    COALESCE(SUM(p.view_count), 0)::bigint AS total_views
  FROM authors a
  LEFT JOIN posts p ON p.author_id = a.id
  GROUP BY a.id
  ORDER BY a.id`;

/** Cost factor of `/cpu/hash`. */
export const BCRYPT_COST = 12;

/** Naive doubly recursive Fibonacci: deliberately CPU-bound, on the calling thread. */
export function fibonacci(n: number): number {
  return n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2);
}

/** Builds the 10,000 objects of `/cpu/json-serialize`. */
export function jsonSerializeItems(count = 10_000): { id: number; name: string; email: string; value: number }[] {
  const items = [];
  for (let i = 0; i < count; i++) {
    items.push({ id: i, name: `item_${i}`, email: `item_${i}@benchmark.com`, value: i * 3 });
  }
  return items;
}

/**
 * Computes the `/mixed/report` body from per-author totals (ordered by id): summary averages
 * (0 when dividing by zero) and the top 10 by post count and by views, ties broken by id.
 */
export function buildMixedReport(authors: readonly AuthorTotals[]): MixedReport {
  const entries: ReportEntry[] = authors.map((a) => ({
    id: a.id,
    name: a.name,
    post_count: a.post_count,
    total_views: a.total_views,
    avg_views: a.post_count > 0 ? a.total_views / a.post_count : 0,
  }));
  const totalPosts = entries.reduce((sum, e) => sum + e.post_count, 0);
  const totalViews = entries.reduce((sum, e) => sum + e.total_views, 0);
  const top = (key: 'post_count' | 'total_views') => [...entries].sort((x, y) => y[key] - x[key] || x.id - y.id).slice(0, 10);
  return {
    summary: {
      total_authors: entries.length,
      total_posts: totalPosts,
      total_views: totalViews,
      avg_posts_per_author: entries.length > 0 ? totalPosts / entries.length : 0,
      avg_views_per_post: totalPosts > 0 ? totalViews / totalPosts : 0,
    },
    top_by_posts: top('post_count'),
    top_by_views: top('total_views'),
  };
}

/** Registers the server-configuration endpoints: I/O-bound, CPU-bound and mixed work. */
export async function serverConfigRoutes(app: FastifyInstance, { pool }: AppDeps): Promise<void> {
  serve(app, 'io.sleep', async () => {
    await sleep(100);
    return { status: 'ok', slept: 0.1 };
  });

  serve(app, 'io.db', async () => {
    const { rows } = await pool.query<AuthorTotals>(AUTHOR_TOTALS);
    return { count: rows.length, authors: rows };
  });

  serve<{ Querystring: { n: number } }>(app, 'cpu.fibonacci', async (request) => {
    const { n } = request.query;
    return { n, result: fibonacci(n) };
  });

  serve(app, 'cpu.hash', async () => {
    const hash = await bcrypt.hash('benchmark-password', BCRYPT_COST);
    return { status: 'ok', hash_length: hash.length };
  });

  serve(app, 'cpu.json-serialize', async () => {
    const items = jsonSerializeItems();
    const bytes = Buffer.byteLength(JSON.stringify(items));
    return { status: 'ok', items: items.length, bytes };
  });

  serve(app, 'mixed.report', async () => {
    const { rows } = await pool.query<AuthorTotals>(AUTHOR_TOTALS);
    return buildMixedReport(rows);
  });
}
