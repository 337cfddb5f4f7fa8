import { defineCheck } from '../check';
import type { CheckContext } from '../check';
import { findDifference } from '../compare';
import { hasKeysetPredicate, selectsOn } from '../statement-text';
import { ids, objectBody, statementList, statementsUsable, strictlyIncreasing } from './helpers';

const OFFSET = 'GET /users/offset';
const CURSOR = 'GET /users/cursor';

type Page = { items: Record<string, unknown>[]; body: Record<string, unknown> };

async function offsetPage(ctx: CheckContext, page: number, size: number): Promise<Page | null> {
  const body = objectBody(await ctx.call(OFFSET, { query: { page, size } }));
  return body && Array.isArray(body.items) ? { items: body.items as Record<string, unknown>[], body } : null;
}

async function cursorPage(ctx: CheckContext, cursor: number, size: number): Promise<Page | null> {
  const body = objectBody(await ctx.call(CURSOR, { query: { cursor, size } }));
  return body && Array.isArray(body.items) ? { items: body.items as Record<string, unknown>[], body } : null;
}

export const paginationWindowsCheck = defineCheck({
  id: 'pagination.windows',
  endpoints: [OFFSET, CURSOR],
  async run(ctx) {
    const total = ctx.contract.seedRowCounts.users_pagination ?? 100_000;
    const size = 20;
    const lastPage = Math.ceil(total / size);
    const first = await offsetPage(ctx, 1, size);
    if (first) {
      const expectedMeta = { total, page: 1, size, total_pages: lastPage };
      const { items: _items, ...meta } = first.body;
      ctx.differs('offset-meta', OFFSET, 'page 1 metadata', findDifference(expectedMeta, meta));
      if (first.items.length !== size) ctx.fail('offset-size', OFFSET, `page 1 must hold ${size} items`, { expected: size, actual: first.items.length });
      if (!strictlyIncreasing(ids(first.items))) ctx.fail('order', OFFSET, 'items must be ordered by id');
      if (ctx.db) {
        const rows = await ctx.db.rows('SELECT id, name, email, created_at FROM users_pagination ORDER BY id LIMIT $1', [size]);
        ctx.differs('db-rows', OFFSET, 'page 1 vs users_pagination', findDifference(rows, first.items));
      }
    }
    // Walk the same windows with both endpoints: page p equals the page after the previous cursor.
    let cursor = 0;
    for (const page of [1, 2, 3]) {
      const byOffset = page === 1 ? first : await offsetPage(ctx, page, size);
      const byCursor = await cursorPage(ctx, cursor, size);
      if (!byOffset || !byCursor) return;
      ctx.differs('agree', CURSOR, `cursor ${cursor} vs offset page ${page}`, findDifference(byOffset.items, byCursor.items));
      const lastId = byCursor.items.at(-1)?.id;
      if (byCursor.body.next_cursor !== lastId) {
        ctx.fail('next-cursor', CURSOR, 'next_cursor must be the last returned id while rows follow', { expected: lastId, actual: byCursor.body.next_cursor });
      }
      if (typeof lastId !== 'number') return;
      cursor = lastId;
    }
    // The end: the last page is full, the cursor after its predecessor reports no next page.
    const beforeLast = await offsetPage(ctx, lastPage - 1, size);
    const last = await offsetPage(ctx, lastPage, size);
    const beyond = await offsetPage(ctx, lastPage + 1, size);
    if (last && last.items.length !== total - (lastPage - 1) * size)
      ctx.fail('end', OFFSET, 'the last page must hold the remaining rows', { actual: last.items.length });
    if (beyond && beyond.items.length !== 0) ctx.fail('end', OFFSET, 'a page past the end must be empty', { expected: 0, actual: beyond.items.length });
    const lastCursor = beforeLast?.items.at(-1)?.id;
    if (typeof lastCursor === 'number' && last) {
      const tail = await cursorPage(ctx, lastCursor, size);
      if (tail) {
        ctx.differs('agree', CURSOR, `cursor ${lastCursor} vs the last offset page`, findDifference(last.items, tail.items));
        if (tail.body.next_cursor !== null)
          ctx.fail('next-cursor', CURSOR, 'next_cursor must be null at the end', { expected: null, actual: tail.body.next_cursor });
      }
    }
  },
});

/** Requests of a deep cursor page whose statements `pagination.keyset` reads. */
export const KEYSET_REQUESTS = 3;

/**
 * `/users/cursor` is keyset pagination, as pg_stat_statements saw it: its SELECT on
 * users_pagination has a `id > $n` predicate, and a page near the end of the table visits a
 * handful of buffers (at most a tenth of the table's pages), where an OFFSET (or a count) walks
 * the rows before it.
 */
export const paginationKeysetCheck = defineCheck({
  id: 'pagination.keyset',
  endpoints: [CURSOR],
  needsDatabase: true,
  async run(ctx) {
    const db = ctx.db!;
    if (!(await statementsUsable(ctx, CURSOR))) return;
    const total = ctx.contract.seedRowCounts.users_pagination ?? 100_000;
    const size = 20;
    const cursor = Math.max(0, total - 2 * size);
    const [table] = await db.rows<{ pages: number }>(
      "SELECT ceil(pg_relation_size('users_pagination') / current_setting('block_size')::float8)::float8 AS pages",
    );
    const pages = table?.pages ?? 0;
    // Warm up once: connection set-up and prepared-statement lookups are not the technique.
    if (!(await cursorPage(ctx, cursor, size))) return;
    const seen = await db.captureStatements(async () => {
      for (let i = 0; i < KEYSET_REQUESTS; i++) await ctx.call(CURSOR, { query: { cursor, size } });
    });
    const selects = selectsOn(seen, ['users_pagination']);
    if (!selects.some((s) => hasKeysetPredicate(s.query))) {
      ctx.fail('predicate', CURSOR, 'the cursor page must be read with a keyset predicate (WHERE id > cursor ORDER BY id LIMIT …), not an OFFSET', {
        expected: 'SELECT … FROM users_pagination WHERE id > $1 …',
        actual: statementList(selects.length ? selects : seen),
      });
    }
    const perRequest = selects.reduce((sum, s) => sum + s.blocks, 0) / KEYSET_REQUESTS;
    const budget = Math.max(64, Math.ceil(pages / 10));
    if (perRequest > budget) {
      ctx.fail(
        'buffers',
        CURSOR,
        `cursor=${cursor} visited ${Math.round(perRequest)} buffers per request on a ${pages}-page table (budget ${budget}): the rows before the cursor were read, as an OFFSET or a count does`,
        {
          expected: `<= ${budget}`,
          actual: perRequest,
        },
      );
    }
  },
});

export const paginationBoundsCheck = defineCheck({
  id: 'pagination.bounds',
  endpoints: [OFFSET, CURSOR],
  async run(ctx) {
    for (const query of [{ page: 0 }, { size: 0 }, { size: 101 }, { page: 'x' }, { size: '2.5' }]) {
      await ctx.call(OFFSET, { query, expect: 422 });
    }
    for (const query of [{ cursor: -1 }, { size: 0 }, { size: 101 }, { cursor: 'x' }]) {
      await ctx.call(CURSOR, { query, expect: 422 });
    }
    const defaults = objectBody(await ctx.call(OFFSET));
    if (defaults && (defaults.page !== 1 || defaults.size !== 20)) {
      ctx.fail('defaults', OFFSET, 'defaults are page=1, size=20', { expected: { page: 1, size: 20 }, actual: { page: defaults.page, size: defaults.size } });
    }
    const max = objectBody(await ctx.call(CURSOR, { query: { cursor: 0, size: 100 } }));
    if (max && Array.isArray(max.items) && max.items.length !== 100)
      ctx.fail('max-size', CURSOR, 'size=100 must return 100 items', { expected: 100, actual: max.items.length });
  },
});

export const paginationChecks = [paginationWindowsCheck, paginationKeysetCheck, paginationBoundsCheck];
