import { defineCheck } from '../check';
import type { CheckContext } from '../check';
import type { QueryCounts } from '../database';
import { findDifference } from '../compare';
import { objectBody, statementsUsable } from './helpers';

const CLEANUP = 'DELETE /bulk-operations/cleanup';
const op = (name: string) => `POST /bulk-operations/${name}`;
const INSERTS = ['insert-individual', 'insert-batch', 'insert-raw'] as const;
const UPDATES = ['update-individual', 'update-bulk'] as const;

async function cleanup(ctx: CheckContext): Promise<void> {
  const body = objectBody(await ctx.call(CLEANUP));
  if (body && body.message !== 'Table truncated')
    ctx.fail('cleanup', CLEANUP, 'message must be "Table truncated"', { expected: 'Table truncated', actual: body.message });
  if (ctx.db) {
    const [row] = await ctx.db.rows<{ n: number }>('SELECT count(*) AS n FROM bulk_items');
    if (row?.n !== 0) ctx.fail('cleanup', CLEANUP, 'bulk_items must be empty after cleanup', { expected: 0, actual: row?.n });
  }
}

/**
 * Calls `name` with `count`, counting bulk_items statements when the database allows (when it
 * does not, the check has already failed with `<check>.unavailable`).
 */
async function bulkCall(ctx: CheckContext, name: string, count: number): Promise<QueryCounts | null> {
  const send = async () => {
    const body = objectBody(await ctx.call(op(name), { query: { count } }));
    if (body && body.count !== count) ctx.fail('count', op(name), `response count must be ${count}`, { expected: count, actual: body.count });
  };
  if (ctx.db && !(await ctx.db.statementsUnavailable())) return ctx.db.countStatements(['bulk_items'], send);
  await send();
  return null;
}

/** Commits seen: COMMIT statements, or, without explicit transactions, one per autocommitted `kind` statement. */
function commitsOf(counts: QueryCounts, kind = 'INSERT'): number {
  const commits = (counts.byKind.COMMIT ?? 0) + (counts.byKind.END ?? 0);
  const begins = (counts.byKind.BEGIN ?? 0) + (counts.byKind.START ?? 0);
  return commits === 0 && begins === 0 ? (counts.byKind[kind] ?? 0) : commits;
}

export const bulkInsertCheck = defineCheck({
  id: 'bulk.insert',
  endpoints: [...INSERTS.map(op), CLEANUP],
  async run(ctx) {
    const count = 40;
    const expectedRows = Array.from({ length: count }, (_, i) => ({ name: `item_${i}`, value: i }));
    if (ctx.db) await statementsUsable(ctx, op('insert-raw'));
    try {
      for (const name of INSERTS) {
        await cleanup(ctx);
        const counts = await bulkCall(ctx, name, count);
        if (ctx.db) {
          const rows = await ctx.db.rows('SELECT name, value FROM bulk_items ORDER BY value');
          ctx.differs('rows', op(name), 'bulk_items after the insert', findDifference(expectedRows, rows));
        }
        if (!counts) continue;
        const inserts = counts.byKind.INSERT ?? 0;
        if (name === 'insert-individual') {
          if (inserts !== count)
            ctx.fail('individual-statements', op(name), `one INSERT per row: expected ${count}, saw ${inserts}`, {
              expected: count,
              actual: counts.statements,
            });
          const commits = commitsOf(counts);
          if (commits !== count)
            ctx.fail('individual-commits', op(name), `one commit per row: expected ${count}, saw ${commits}`, { expected: count, actual: counts.statements });
        }
        if (name === 'insert-batch' && commitsOf(counts) !== 1) {
          ctx.fail('batch-transaction', op(name), `one transaction: saw ${commitsOf(counts)} commits`, { expected: 1, actual: counts.statements });
        }
        if (name === 'insert-raw' && inserts !== 1) {
          ctx.fail('raw-statements', op(name), `one multi-row INSERT: saw ${inserts}`, { expected: 1, actual: counts.statements });
        }
      }
    } finally {
      await cleanup(ctx);
    }
  },
});

export const bulkUpdateCheck = defineCheck({
  id: 'bulk.update',
  endpoints: [...UPDATES.map(op), CLEANUP],
  async run(ctx) {
    const rows = 30;
    if (ctx.db) await statementsUsable(ctx, op('update-bulk'));
    try {
      await cleanup(ctx);
      await ctx.call(op('insert-raw'), { query: { count: rows } });
      for (const [name, count] of [
        ['update-individual', 10],
        ['update-bulk', 20],
      ] as const) {
        const counts = await bulkCall(ctx, name, count);
        if (ctx.db) {
          const after = await ctx.db.rows<{ id: number; value: number }>('SELECT id, value FROM bulk_items WHERE id <= $1 ORDER BY id', [count]);
          const expected = Array.from({ length: count }, (_, i) => ({ id: i + 1, value: (i + 1) * 10 }));
          ctx.differs('values', op(name), 'value = id*10 for ids 1..count', findDifference(expected, after));
        }
        if (!counts) continue;
        const updates = counts.byKind.UPDATE ?? 0;
        if (name === 'update-bulk' && updates !== 1)
          ctx.fail('bulk-statements', op(name), `one UPDATE statement: saw ${updates}`, { expected: 1, actual: counts.statements });
        if (name === 'update-individual' && updates !== count)
          ctx.fail('individual-statements', op(name), `one UPDATE per id: expected ${count}, saw ${updates}`, { expected: count, actual: counts.statements });
        const commits = commitsOf(counts, 'UPDATE');
        const wantCommits = name === 'update-bulk' ? 1 : count;
        if (commits !== wantCommits)
          ctx.fail('commits', op(name), `expected ${wantCommits} commits, saw ${commits}`, { expected: wantCommits, actual: counts.statements });
      }
    } finally {
      await cleanup(ctx);
    }
  },
});

export const bulkBoundsCheck = defineCheck({
  id: 'bulk.bounds',
  endpoints: [op('insert-batch'), op('update-bulk')],
  async run(ctx) {
    for (const name of ['insert-batch', 'update-bulk']) {
      for (const count of [0, 10001, 'x']) await ctx.call(op(name), { query: { count }, expect: 422 });
    }
  },
});

export const bulkChecks = [bulkInsertCheck, bulkUpdateCheck, bulkBoundsCheck];
