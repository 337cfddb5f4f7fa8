import { defineCheck } from '../check';
import type { Database } from '../database';
import { findDifference } from '../compare';
import { arrayBody, statementsUsable } from './helpers';

const VARIANTS = ['lazy', 'eager', 'subquery'] as const;
const endpointOf = (v: string) => `GET /n-plus-one/${v}`;

/** The authors page with nested posts, as the contract renders it, straight from the database. */
export async function authorsWithPosts(db: Database, limit: number, offset: number): Promise<Record<string, unknown>[]> {
  const authors = await db.rows('SELECT id, name, email, bio, created_at FROM authors ORDER BY id OFFSET $1 LIMIT $2', [offset, limit]);
  const posts = await db.rows<{ author_id: number } & Record<string, unknown>>(
    'SELECT id, author_id, title, content, view_count, created_at FROM posts WHERE author_id = ANY($1) ORDER BY id',
    [authors.map((a) => a.id)],
  );
  return authors.map((a) => ({
    ...a,
    posts: posts.filter((p) => p.author_id === a.id).map(({ author_id: _, ...p }) => p),
  }));
}

export const nPlusOneBodiesCheck = defineCheck({
  id: 'n-plus-one.bodies',
  endpoints: VARIANTS.map(endpointOf),
  async run(ctx) {
    const window = { limit: 7, offset: 3 };
    const expected = ctx.db ? await authorsWithPosts(ctx.db, window.limit, window.offset) : null;
    let reference: Record<string, unknown>[] | null = null;
    for (const v of VARIANTS) {
      const e = endpointOf(v);
      const body = arrayBody(await ctx.call(e, { query: window }));
      if (!body) continue;
      if (body.length !== window.limit)
        ctx.fail('limit', e, `limit=${window.limit} must return ${window.limit} authors`, { expected: window.limit, actual: body.length });
      if (expected) ctx.differs('db', e, 'authors with posts vs the database', findDifference(expected, body));
      if (reference) ctx.differs('identical', e, `${v} vs lazy`, findDifference(reference, body));
      else reference = body;
    }
  },
});

/** Expected statement counts per variant for a page of `n` authors. */
export const expectedSelects = (variant: string, n: number): number => ({ lazy: 1 + n, eager: 1, subquery: 2 })[variant] ?? NaN;

export const nPlusOneQueriesCheck = defineCheck({
  id: 'n-plus-one.query-count',
  endpoints: VARIANTS.map(endpointOf),
  needsDatabase: true,
  async run(ctx) {
    const db = ctx.db!;
    if (!(await statementsUsable(ctx, endpointOf('lazy')))) return;
    const limit = 5;
    for (const v of VARIANTS) {
      const e = endpointOf(v);
      // Warm up once so connection setup and prepared-statement lookups are not counted.
      await ctx.call(e, { query: { limit, offset: 0 } });
      const counts = await db.countStatements(['authors', 'posts'], () => ctx.call(e, { query: { limit, offset: 0 } }));
      const selects = counts.byKind.SELECT ?? 0;
      const want = expectedSelects(v, limit);
      if (selects !== want) {
        ctx.fail('count', e, `${v} must issue ${want} SELECT statements on authors/posts for ${limit} authors, issued ${selects}`, {
          expected: want,
          actual: counts.statements,
        });
      }
    }
  },
});

export const nPlusOneBoundsCheck = defineCheck({
  id: 'n-plus-one.bounds',
  endpoints: [endpointOf('eager')],
  async run(ctx) {
    for (const query of [{ limit: 0 }, { limit: 101 }, { offset: -1 }, { limit: 'x' }]) await ctx.call(endpointOf('eager'), { query, expect: 422 });
    const first = arrayBody(await ctx.call(endpointOf('eager')));
    if (first && first.length !== 20) ctx.fail('default-limit', endpointOf('eager'), 'the default limit is 20', { expected: 20, actual: first.length });
  },
});

export const nPlusOneChecks = [nPlusOneBodiesCheck, nPlusOneQueriesCheck, nPlusOneBoundsCheck];
