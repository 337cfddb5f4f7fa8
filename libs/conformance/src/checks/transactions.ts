import { defineCheck } from '../check';
import type { CheckContext } from '../check';
import { expectDetail } from './basic';
import { callsOf, locksRows, selectsOn, setsSerializable } from '../statement-text';
import { objectBody, pooled, statementList, statementsUsable } from './helpers';

const RESET = 'POST /transactions/reset';
const PRODUCT = 'GET /transactions/products/{id}';
const decrement = (m: string) => `POST /transactions/decrement/${m}`;
const METHODS = ['no-lock', 'pessimistic', 'optimistic', 'serializable'] as const;

/** Requests per method and how many are in flight. */
export const TRANSACTION_REQUESTS = 50;
export const TRANSACTION_IN_FLIGHT = 10;
const START_STOCK = 1000;

async function reset(ctx: CheckContext): Promise<void> {
  const body = objectBody(await ctx.call(RESET));
  if (body && body.message !== 'All stocks reset to 1000')
    ctx.fail('reset', RESET, 'message must be "All stocks reset to 1000"', { expected: 'All stocks reset to 1000', actual: body.message });
}

async function stockOf(ctx: CheckContext, id: number): Promise<number | null> {
  const body = objectBody(await ctx.call(PRODUCT, { params: { id } }));
  return typeof body?.stock === 'number' ? body.stock : null;
}

export const transactionsProductCheck = defineCheck({
  id: 'transactions.product',
  endpoints: [PRODUCT, RESET],
  async run(ctx) {
    await reset(ctx);
    const body = objectBody(await ctx.call(PRODUCT, { params: { id: 1 } }));
    if (body && (body.id !== 1 || body.stock !== START_STOCK || body.version !== 0)) {
      ctx.fail('after-reset', PRODUCT, 'product 1 must have stock 1000 and version 0 after reset', {
        expected: { id: 1, stock: 1000, version: 0 },
        actual: body,
      });
    }
    expectDetail(ctx, PRODUCT, await ctx.call(PRODUCT, { params: { id: 999_999 }, expect: 404 }), 'Product not found');
    await ctx.call(PRODUCT, { params: { id: 'x' }, expect: 422 });
    for (const m of METHODS) {
      expectDetail(ctx, decrement(m), await ctx.call(decrement(m), { query: { product_id: 999_999, quantity: 1 }, expect: 404 }), 'Product not found');
    }
  },
});

export const transactionsDecrementCheck = defineCheck({
  id: 'transactions.decrement',
  endpoints: METHODS.map(decrement),
  async run(ctx) {
    const productId = 2;
    try {
      for (const m of METHODS) {
        const e = decrement(m);
        await reset(ctx);
        const replies = await pooled(TRANSACTION_REQUESTS, TRANSACTION_IN_FLIGHT, () => ctx.call(e, { query: { product_id: productId, quantity: 1 } }));
        const bodies = replies.map(objectBody).filter((b): b is Record<string, unknown> => b !== null);
        const successes = bodies.filter((b) => b.success === true).length;
        for (const b of bodies) {
          if (b.method !== m) ctx.fail('method', e, `method must be "${m}"`, { expected: m, actual: b.method });
          if (b.success === false && typeof b.error !== 'string') ctx.fail('failure-error', e, 'a failed attempt must say why in error', { actual: b.error });
          if (b.success === true && b.error !== null) ctx.fail('failure-error', e, 'a successful attempt has error:null', { expected: null, actual: b.error });
          if (m === 'serializable' && b.success === false && (b.old_stock !== 0 || b.new_stock !== 0)) {
            ctx.fail('serialization-failure', e, 'a serialization failure reports old_stock and new_stock 0', {
              expected: { old_stock: 0, new_stock: 0 },
              actual: { old_stock: b.old_stock, new_stock: b.new_stock },
            });
          }
          if (m === 'optimistic' && b.success === false && b.error !== 'Max retries exceeded') {
            ctx.fail('failure-error', e, 'an optimistic failure is "Max retries exceeded"', { expected: 'Max retries exceeded', actual: b.error });
          }
          if (b.success === true && (b.old_stock as number) - (b.new_stock as number) !== 1) {
            ctx.fail('stock-step', e, 'a successful decrement of 1 must have new_stock = old_stock - 1', {
              actual: { old_stock: b.old_stock, new_stock: b.new_stock },
            });
          }
        }
        const stock = await stockOf(ctx, productId);
        if (stock === null || bodies.length !== TRANSACTION_REQUESTS) continue;
        const expectedStock = START_STOCK - successes;
        if (m === 'no-lock') {
          // Lost updates are what no-lock demonstrates: observed, not judged.
          ctx.observe('lost-updates', e, `${stock - expectedStock} of ${successes} decrements lost`, stock - expectedStock);
          continue;
        }
        if (m === 'pessimistic' && successes !== TRANSACTION_REQUESTS) {
          ctx.fail('pessimistic-success', e, `every pessimistic decrement must succeed: ${successes} of ${TRANSACTION_REQUESTS}`, {
            expected: TRANSACTION_REQUESTS,
            actual: successes,
          });
        }
        if (stock !== expectedStock) {
          ctx.fail('lost-update', e, `stock ${stock} after ${successes} successful decrements from ${START_STOCK}: updates were lost`, {
            expected: expectedStock,
            actual: stock,
          });
        }
        if (successes === 0) ctx.fail('no-success', e, `none of ${TRANSACTION_REQUESTS} decrements succeeded`);
      }
    } finally {
      await reset(ctx);
    }
  },
});

/** Requests per strategy whose statements `transactions.technique` reads, and how many are in flight. */
export const TECHNIQUE_REQUESTS = 12;
const TECHNIQUE_IN_FLIGHT = 4;

/**
 * The strategies use the technique they are named after, as pg_stat_statements saw it: every
 * pessimistic decrement reads the product with a locking `SELECT … FOR UPDATE` (an atomic
 * `UPDATE … SET stock = stock - 1` loses no update either, but is not the technique measured);
 * every serializable one runs in a SERIALIZABLE transaction (however the stack words it).
 */
export const transactionsTechniqueCheck = defineCheck({
  id: 'transactions.technique',
  endpoints: [decrement('pessimistic'), decrement('serializable'), RESET],
  needsDatabase: true,
  async run(ctx) {
    const db = ctx.db!;
    if (!(await statementsUsable(ctx, decrement('pessimistic')))) return;
    const productId = 3;
    try {
      for (const m of ['pessimistic', 'serializable'] as const) {
        const e = decrement(m);
        await reset(ctx);
        let answered = 0;
        const seen = await db.captureStatements(async () => {
          const replies = await pooled(TECHNIQUE_REQUESTS, TECHNIQUE_IN_FLIGHT, () => ctx.call(e, { query: { product_id: productId, quantity: 1 } }));
          answered = replies.filter((r) => r?.status === 200).length;
        });
        if (answered === 0) continue;
        if (m === 'pessimistic') {
          const locking = callsOf(selectsOn(seen, ['products']), locksRows);
          if (locking < answered) {
            ctx.fail(
              'row-lock',
              e,
              `every pessimistic decrement must read the product with SELECT … FOR UPDATE: ${locking} locking SELECTs on products for ${answered} decrements`,
              {
                expected: `>= ${answered} SELECT … FOR UPDATE`,
                actual: statementList(seen),
              },
            );
          }
        } else {
          const isolated = callsOf(seen, setsSerializable);
          if (isolated < answered) {
            ctx.fail(
              'isolation',
              e,
              `every serializable decrement must run at ISOLATION LEVEL SERIALIZABLE: ${isolated} statements set it for ${answered} decrements`,
              {
                expected: `>= ${answered} BEGIN/SET TRANSACTION ISOLATION LEVEL SERIALIZABLE`,
                actual: statementList(seen),
              },
            );
          }
        }
      }
    } finally {
      await reset(ctx);
    }
  },
});

export const transactionsBoundsCheck = defineCheck({
  id: 'transactions.bounds',
  endpoints: [decrement('optimistic')],
  async run(ctx) {
    for (const query of [{ product_id: 'x' }, { product_id: 1, quantity: 'x' }, { product_id: 1, max_retries: 101 }, { product_id: 1, max_retries: -1 }]) {
      await ctx.call(decrement('optimistic'), { query, expect: 422 });
    }
  },
});

export const transactionChecks = [transactionsProductCheck, transactionsDecrementCheck, transactionsTechniqueCheck, transactionsBoundsCheck];
