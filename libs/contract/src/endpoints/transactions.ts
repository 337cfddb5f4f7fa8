import { z } from 'zod';
import { defineEndpoint, invalidInput } from '../endpoint-def';
import { detailBody } from '../schemas/error-body';
import { idParam, intParam, PG_INT_MAX } from '../schemas/int-param';
import { Count, ElapsedMs, Int, Timestamp } from '../schemas/primitives';

/** A `products` row. */
export const Product = z.strictObject({ id: Int, name: z.string(), stock: Int, version: Count, updated_at: Timestamp });

/** 404 body for an unknown product. */
export const ProductNotFoundBody = detailBody('Product not found');

/** The four lock strategies; each is also the `method` value of its response. */
export type LockMethod = 'no-lock' | 'pessimistic' | 'optimistic' | 'serializable';

/** Outcome of one decrement; failed attempts are HTTP 200 with `success: false` and an `error`. */
export function transactionResult<const M extends LockMethod>(method: M) {
  return z
    .strictObject({
      success: z.boolean(),
      method: z.literal(method),
      product_id: Int,
      old_stock: Int,
      new_stock: Int,
      retries: Count,
      elapsed_ms: ElapsedMs,
      error: z.string().nullable(),
    })
    .refine((r) => r.success === (r.error === null), {
      message: 'error is null exactly when success is true',
      path: ['error'],
    });
}

/** The largest quantity one decrement may subtract (stock arithmetic stays far from integer overflow). */
export const MAX_QUANTITY = 1000;

const decrementQuery = {
  product_id: intParam({ min: 1, max: PG_INT_MAX, default: 1, description: 'Product id (1–2147483647).' }),
  quantity: intParam({ min: 1, max: MAX_QUANTITY, default: 1, description: `Amount subtracted from stock (1–${MAX_QUANTITY}).` }),
};

function decrement<const M extends LockMethod, E extends z.ZodRawShape = {}>(method: M, summary: string, extraQuery: E = {} as E) {
  return defineEndpoint({
    id: `transactions.decrement.${method}`,
    method: 'POST',
    path: `/transactions/decrement/${method}`,
    group: 'transactions',
    summary,
    query: z.object({ ...decrementQuery, ...extraQuery }),
    responses: {
      200: { description: 'The attempt (failed attempts too).', schema: transactionResult(method) },
      404: { description: 'Unknown product.', schema: ProductNotFoundBody },
      422: invalidInput,
    },
  });
}

/** GET /transactions/products/{id} */
export const transactionsProduct = defineEndpoint({
  id: 'transactions.products.get',
  method: 'GET',
  path: '/transactions/products/{id}',
  group: 'transactions',
  summary: 'One product by id.',
  params: z.object({ id: idParam('Product id') }),
  responses: {
    200: { description: 'The product.', schema: Product },
    404: { description: 'Unknown product.', schema: ProductNotFoundBody },
    422: invalidInput,
  },
});

/** POST /transactions/reset */
export const transactionsReset = defineEndpoint({
  id: 'transactions.reset',
  method: 'POST',
  path: '/transactions/reset',
  group: 'transactions',
  summary: 'Every product to stock 1000, version 0.',
  responses: {
    200: { description: 'Reset.', schema: z.strictObject({ message: z.literal('All stocks reset to 1000') }) },
  },
});

/** POST /transactions/decrement/no-lock */
export const decrementNoLock = decrement('no-lock', 'Read, compute in the application, write the absolute value (lost updates).');
/** POST /transactions/decrement/pessimistic */
export const decrementPessimistic = decrement('pessimistic', 'SELECT … FOR UPDATE, then write.');
/** POST /transactions/decrement/optimistic */
export const decrementOptimistic = decrement('optimistic', 'UPDATE … WHERE id=? AND version=?, retried without back-off up to max_retries.', {
  max_retries: intParam({ min: 0, max: 100, default: 5, description: 'Retries before giving up (0–100).' }),
});
/** POST /transactions/decrement/serializable */
export const decrementSerializable = decrement('serializable', 'SERIALIZABLE transaction; a serialization failure is success:false, no retry.');

/** The 6 transaction endpoints (scenario 13). */
export const transactionsEndpoints = [
  transactionsProduct,
  transactionsReset,
  decrementNoLock,
  decrementPessimistic,
  decrementOptimistic,
  decrementSerializable,
] as const;
