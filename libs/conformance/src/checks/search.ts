import { defineCheck } from '../check';
import { findDifference } from '../compare';
import { arrayBody } from './helpers';

const LIKE = 'GET /search/like';
const FULLTEXT = 'GET /search/fulltext';

/** Escapes `%`, `_` and `\` so ILIKE matches them literally (PostgreSQL's default escape is `\`). */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Terms for LIKE: plain, mixed case, and wildcard characters that must match literally. */
export const LIKE_TERMS = ['Zeppelin', 'post 1 by author 2', '%', '_', '100%', 'a_b', '\\'];
/** Terms for full-text search: rare, common and multi-word. */
export const FULLTEXT_TERMS = ['zeppelin', 'post 7', 'quasar database'];

export const searchLikeCheck = defineCheck({
  id: 'search.like',
  endpoints: [LIKE],
  async run(ctx) {
    const limit = 20;
    for (const q of LIKE_TERMS) {
      const rows = arrayBody(await ctx.call(LIKE, { query: { q, limit } }));
      if (!rows) continue;
      if (ctx.db) {
        const expected = await ctx.db.rows('SELECT id, author_id, title FROM posts WHERE title ILIKE $1 OR content ILIKE $1 ORDER BY id LIMIT $2', [
          likePattern(q),
          limit,
        ]);
        ctx.differs('db', LIKE, `q=${JSON.stringify(q)} vs ILIKE with literal wildcards`, findDifference(expected, rows));
      } else if (q === '%' && rows.length > 0) {
        ctx.fail('escape', LIKE, 'q="%" must match "%" literally; the seed has none', { expected: [], actual: rows.length });
      }
    }
    for (const query of [{ q: '' }, { q: 'x'.repeat(101) }, { q: 'x', limit: 0 }, { q: 'x', limit: 101 }, {}]) await ctx.call(LIKE, { query, expect: 422 });
  },
});

export const searchFulltextCheck = defineCheck({
  id: 'search.fulltext',
  endpoints: [FULLTEXT],
  async run(ctx) {
    const limit = 20;
    for (const q of FULLTEXT_TERMS) {
      const rows = arrayBody(await ctx.call(FULLTEXT, { query: { q, limit } }));
      if (!rows) continue;
      const sorted = rows.every((r, i) => {
        const prev = rows[i - 1];
        if (!prev) return true;
        const [a, b] = [prev.rank as number, r.rank as number];
        return a > b || (a === b && (prev.id as number) < (r.id as number));
      });
      if (!sorted) ctx.fail('order', FULLTEXT, `q=${JSON.stringify(q)}: rows must be ordered by rank descending, then id`);
      if (!ctx.db) continue;
      const expected = await ctx.db.rows(
        `SELECT id, author_id, title, ts_rank(search_vector, plainto_tsquery('english', $1))::float8 AS rank
           FROM posts WHERE search_vector @@ plainto_tsquery('english', $1) ORDER BY rank DESC, id LIMIT $2`,
        [q, limit],
      );
      // ts_rank is a float4: 1e-5 absorbs its rendering through float8 and JSON.
      ctx.differs('db', FULLTEXT, `q=${JSON.stringify(q)} vs ts_rank order`, findDifference(expected, rows, { floatTolerance: 1e-5 }));
    }
    for (const query of [{ q: '' }, { q: 'x', limit: 0 }, { q: 'x', limit: 101 }]) await ctx.call(FULLTEXT, { query, expect: 422 });
  },
});

export const searchChecks = [searchLikeCheck, searchFulltextCheck];
