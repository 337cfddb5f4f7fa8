import { defineCheck } from '../check';
import { findDifference } from '../compare';
import { objectBody } from './helpers';

/** The body `/cpu/json-serialize` serialises; its compact length is the expected `bytes`. */
export function jsonSerializeBytes(): number {
  const items = Array.from({ length: 10_000 }, (_, i) => ({ id: i, name: `item_${i}`, email: `item_${i}@benchmark.com`, value: i * 3 }));
  return Buffer.byteLength(JSON.stringify(items), 'utf8');
}

/**
 * Fewest milliseconds `/cpu/hash` may take: bcrypt at cost 12 is 2^12 rounds of Blowfish key
 * expansion, several times this floor even on the fastest cores (190-570 ms for the seven
 * implementations on a 2-core host).
 */
export const BCRYPT_COST_12_FLOOR_MS = 25;

export const fibonacciCheck = defineCheck({
  id: 'server-config.fibonacci',
  endpoints: ['GET /cpu/fibonacci'],
  async run(ctx) {
    const e = 'GET /cpu/fibonacci';
    for (const [n, result] of [
      [10, 55],
      [1, 1],
      [20, 6765],
      [30, 832_040],
    ] as const) {
      const body = objectBody(await ctx.call(e, { query: { n } }));
      if (body) ctx.differs('result', e, `fibonacci(${n})`, findDifference({ n, result }, body));
    }
    const byDefault = objectBody(await ctx.call(e));
    if (byDefault) ctx.differs('default', e, 'fibonacci without n (the default, 27)', findDifference({ n: 27, result: 196_418 }, byDefault));
    // 30 is the contract's maximum: fib(31) and above could block a single-process server for long.
    for (const n of [0, 31, 39, 'x']) await ctx.call(e, { query: { n }, expect: 422 });
  },
});

export const cpuCheck = defineCheck({
  id: 'server-config.cpu',
  endpoints: ['GET /cpu/json-serialize', 'GET /cpu/hash'],
  async run(ctx) {
    const json = objectBody(await ctx.call('GET /cpu/json-serialize'));
    if (json)
      ctx.differs(
        'json-serialize',
        'GET /cpu/json-serialize',
        'serialised size',
        findDifference({ status: 'ok', items: 10_000, bytes: jsonSerializeBytes() }, json),
      );
    const hashed = await ctx.call('GET /cpu/hash');
    const hash = objectBody(hashed);
    if (hash) ctx.differs('hash', 'GET /cpu/hash', 'bcrypt hash', findDifference({ status: 'ok', hash_length: 60 }, hash));
    if (hashed?.status !== 200) return;
    // The body is the same constant for every correct server: only the work shows. The fastest
    // of three calls is held to a lower bound, so a slow machine never fails a real bcrypt, and
    // a canned answer (about a millisecond) is caught even when a busy host delays one or two calls.
    let fastestMs = hashed.durationMs;
    for (let i = 0; i < 2 && fastestMs >= BCRYPT_COST_12_FLOOR_MS; i++) {
      const again = await ctx.call('GET /cpu/hash');
      if (again?.status === 200) fastestMs = Math.min(fastestMs, again.durationMs);
    }
    if (fastestMs < BCRYPT_COST_12_FLOOR_MS) {
      ctx.fail('hash-work', 'GET /cpu/hash', `answered in ${fastestMs.toFixed(1)} ms: bcrypt at cost 12 cannot finish under ${BCRYPT_COST_12_FLOOR_MS} ms`, {
        expected: `>= ${BCRYPT_COST_12_FLOOR_MS}`,
        actual: fastestMs,
      });
    }
  },
});

export const ioCheck = defineCheck({
  id: 'server-config.io',
  endpoints: ['GET /io/sleep', 'GET /io/db'],
  async run(ctx) {
    const sleep = await ctx.call('GET /io/sleep');
    const slept = objectBody(sleep);
    if (slept) ctx.differs('sleep', 'GET /io/sleep', 'sleep body', findDifference({ status: 'ok', slept: 0.1 }, slept));
    if (sleep && sleep.durationMs < 99)
      ctx.fail('sleep-duration', 'GET /io/sleep', `answered in ${sleep.durationMs.toFixed(1)} ms, before its 100 ms wait`, {
        expected: '>= 100',
        actual: sleep.durationMs,
      });
    const io = objectBody(await ctx.call('GET /io/db'));
    if (!io) return;
    const authors = ctx.contract.seedRowCounts.authors;
    if (io.count !== authors || !Array.isArray(io.authors) || io.authors.length !== authors) {
      ctx.fail('db-count', 'GET /io/db', `count and authors must cover all ${authors} authors`, {
        expected: authors,
        actual: { count: io.count, authors: Array.isArray(io.authors) ? io.authors.length : io.authors },
      });
    }
    if (ctx.db) {
      const rows = await ctx.db.rows(`SELECT a.id, a.name, a.email, count(p.id) AS post_count, coalesce(sum(p.view_count), 0) AS total_views
        FROM authors a LEFT JOIN posts p ON p.author_id = a.id GROUP BY a.id ORDER BY a.id`);
      ctx.differs('db', 'GET /io/db', 'authors vs the database', findDifference({ count: rows.length, authors: rows }, io));
    }
  },
});

export const mixedReportCheck = defineCheck({
  id: 'server-config.mixed-report',
  endpoints: ['GET /mixed/report'],
  async run(ctx) {
    const e = 'GET /mixed/report';
    const report = objectBody(await ctx.call(e));
    if (!report) return;
    for (const key of ['top_by_posts', 'top_by_views'] as const) {
      const list = report[key];
      if (Array.isArray(list) && list.length !== 10) ctx.fail('top-size', e, `${key} must hold 10 entries`, { expected: 10, actual: list.length });
    }
    if (!ctx.db) return;
    const perAuthor = `SELECT a.id, a.name, count(p.id) AS post_count, coalesce(sum(p.view_count), 0) AS total_views,
        coalesce(avg(p.view_count), 0)::float8 AS avg_views FROM authors a LEFT JOIN posts p ON p.author_id = a.id GROUP BY a.id`;
    const [totals] = await ctx.db.rows<{ total_authors: number; total_posts: number; total_views: number }>(
      'SELECT (SELECT count(*) FROM authors) AS total_authors, count(*) AS total_posts, coalesce(sum(view_count), 0) AS total_views FROM posts',
    );
    const summary = {
      ...totals,
      avg_posts_per_author: totals!.total_posts / totals!.total_authors,
      avg_views_per_post: totals!.total_views / totals!.total_posts,
    };
    const expected = {
      summary,
      top_by_posts: await ctx.db.rows(`${perAuthor} ORDER BY post_count DESC, a.id LIMIT 10`),
      top_by_views: await ctx.db.rows(`${perAuthor} ORDER BY total_views DESC, a.id LIMIT 10`),
    };
    ctx.differs('db', e, 'report vs the database', findDifference(expected, report));
  },
});

export const serverConfigChecks = [fibonacciCheck, cpuCheck, ioCheck, mixedReportCheck];
