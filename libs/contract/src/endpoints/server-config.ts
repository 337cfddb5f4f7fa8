import { z } from 'zod';
import { defineEndpoint, invalidInput } from '../endpoint-def';
import { intParam } from '../schemas/int-param';
import { Count, Int } from '../schemas/primitives';

/** An author's post totals (LEFT JOIN: authors without posts have zeros). */
export const AuthorTotals = z.strictObject({
  id: Int,
  name: z.string(),
  email: z.string(),
  post_count: Count,
  total_views: Count,
});

/** An entry of the mixed report's top-10 lists. */
export const ReportEntry = z.strictObject({
  id: Int,
  name: z.string(),
  post_count: Count,
  total_views: Count,
  avg_views: z.number(),
});

/** GET /io/sleep */
export const ioSleep = defineEndpoint({
  id: 'io.sleep',
  method: 'GET',
  path: '/io/sleep',
  group: 'server-config',
  summary: 'Non-blocking 100 ms wait.',
  responses: {
    200: { description: 'Slept.', schema: z.strictObject({ status: z.literal('ok'), slept: z.literal(0.1) }) },
  },
});

/** GET /io/db */
export const ioDb = defineEndpoint({
  id: 'io.db',
  method: 'GET',
  path: '/io/db',
  group: 'server-config',
  summary: 'All authors LEFT JOIN posts with post_count and total_views, ORDER BY id.',
  responses: {
    200: {
      description: 'Every author with totals.',
      schema: z.strictObject({ count: Count, authors: z.array(AuthorTotals) }),
    },
  },
});

/**
 * The largest Fibonacci index the contract accepts: naive recursion of fib(30) takes 0.1–0.3 s
 * in CPython or Ruby, so no single call can block a single-process server for seconds.
 */
export const FIBONACCI_MAX_N = 30;

/** GET /cpu/fibonacci */
export const cpuFibonacci = defineEndpoint({
  id: 'cpu.fibonacci',
  method: 'GET',
  path: '/cpu/fibonacci',
  group: 'server-config',
  summary: 'Naive recursive fib(n) on the request thread.',
  query: z.object({ n: intParam({ min: 1, max: FIBONACCI_MAX_N, default: 27, description: `Fibonacci index (1–${FIBONACCI_MAX_N}).` }) }),
  responses: {
    200: { description: 'fib(n).', schema: z.strictObject({ n: z.number().int().min(1).max(FIBONACCI_MAX_N), result: Count }) },
    422: invalidInput,
  },
});

/** GET /cpu/hash */
export const cpuHash = defineEndpoint({
  id: 'cpu.hash',
  method: 'GET',
  path: '/cpu/hash',
  group: 'server-config',
  summary: 'bcrypt (cost 12) of "benchmark-password".',
  responses: {
    200: { description: 'Hashed.', schema: z.strictObject({ status: z.literal('ok'), hash_length: z.literal(60) }) },
  },
});

/** GET /cpu/json-serialize */
export const cpuJsonSerialize = defineEndpoint({
  id: 'cpu.json-serialize',
  method: 'GET',
  path: '/cpu/json-serialize',
  group: 'server-config',
  summary: 'Builds 10,000 objects and serialises them as compact JSON.',
  responses: {
    200: {
      description: 'Item count and serialised size in bytes.',
      schema: z.strictObject({ status: z.literal('ok'), items: z.literal(10000), bytes: z.number().int().min(1) }),
    },
  },
});

/** GET /mixed/report */
export const mixedReport = defineEndpoint({
  id: 'mixed.report',
  method: 'GET',
  path: '/mixed/report',
  group: 'server-config',
  summary: 'Author totals from the database, then summary and top-10 lists computed in the application.',
  responses: {
    200: {
      description: 'Summary and top-10 lists (ties broken by id).',
      schema: z.strictObject({
        summary: z.strictObject({
          total_authors: Count,
          total_posts: Count,
          total_views: Count,
          avg_posts_per_author: z.number(),
          avg_views_per_post: z.number(),
        }),
        top_by_posts: z.array(ReportEntry).length(10),
        top_by_views: z.array(ReportEntry).length(10),
      }),
    },
  },
});

/** The 6 server-configuration endpoints. */
export const serverConfigEndpoints = [ioSleep, ioDb, cpuFibonacci, cpuHash, cpuJsonSerialize, mixedReport] as const;
