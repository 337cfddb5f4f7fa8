import type { FastifyInstance } from 'fastify';
import type { DatabaseError, PoolClient } from 'pg';
import { serve } from '../contract-routes.js';
import { withClient, withTransaction } from '../db.js';
import type { AppDeps } from '../deps.js';
import { elapsedSince, HttpError, isInt4 } from '../http-error.js';

/** The decrement strategies, as they appear in the URL and in `method`. */
export type LockMethod = 'no-lock' | 'pessimistic' | 'optimistic' | 'serializable';

/** Body of every `POST /transactions/decrement/...` answer (HTTP 200 even when `success` is false). */
export interface TransactionResult {
  success: boolean;
  method: LockMethod;
  product_id: number;
  old_stock: number;
  new_stock: number;
  retries: number;
  elapsed_ms: number;
  error: string | null;
}

type Outcome = Pick<TransactionResult, 'success' | 'old_stock' | 'new_stock' | 'retries' | 'error'>;

type DecrementQuery = { Querystring: { product_id: number; quantity: number; max_retries?: number } };

const PRODUCT_NOT_FOUND = 'Product not found';
const SERIALIZATION_FAILURE = '40001';

/**
 * `stock - quantity`, or a 422 when the result does not fit the `integer` stock column (the
 * schema keeps `quantity` inside int4, but a stock near a bound can still overflow).
 */
export function decremented(stock: number, quantity: number): number {
  const next = stock - quantity;
  if (!isInt4(next)) throw new HttpError(422, 'quantity takes the stock out of the integer range');
  return next;
}

async function readStock(client: PoolClient, productId: number, forUpdate = false): Promise<number> {
  const { rows } = await client.query<{ stock: number }>(`SELECT stock FROM products WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [productId]);
  if (rows.length === 0) throw new HttpError(404, PRODUCT_NOT_FOUND);
  return rows[0]!.stock;
}

async function writeStock(client: PoolClient, productId: number, stock: number): Promise<void> {
  await client.query('UPDATE products SET stock = $1, updated_at = NOW() WHERE id = $2', [stock, productId]);
}

/**
 * Registers the transaction endpoints (scenario 13, table `products`). Each decrement runs on
 * its own pooled connection.
 */
export async function transactionRoutes(app: FastifyInstance, { pool }: AppDeps): Promise<void> {
  serve<{ Params: { id: number } }>(app, 'transactions.products.get', async (request) => {
    const { rows } = await pool.query('SELECT id, name, stock, version, updated_at FROM products WHERE id = $1', [request.params.id]);
    if (rows.length === 0) throw new HttpError(404, PRODUCT_NOT_FOUND);
    return rows[0];
  });

  serve(app, 'transactions.reset', async () => {
    await pool.query('UPDATE products SET stock = 1000, version = 0, updated_at = NOW()');
    return { message: 'All stocks reset to 1000' };
  });

  const decrement = (method: LockMethod, run: (productId: number, quantity: number, maxRetries: number) => Promise<Outcome>) => {
    serve<DecrementQuery>(app, `transactions.decrement.${method}`, async (request) => {
      const { product_id: productId, quantity, max_retries: maxRetries = 0 } = request.query;
      const start = performance.now();
      const outcome = await run(productId, quantity, maxRetries);
      const result: TransactionResult = {
        success: outcome.success,
        method,
        product_id: productId,
        old_stock: outcome.old_stock,
        new_stock: outcome.new_stock,
        retries: outcome.retries,
        elapsed_ms: elapsedSince(start),
        error: outcome.error,
      };
      return result;
    });
  };

  // Read, compute in the application, write the absolute value back: concurrent callers lose updates.
  decrement('no-lock', (productId, quantity) =>
    withClient(pool, async (client) => {
      const oldStock = await readStock(client, productId);
      const newStock = decremented(oldStock, quantity);
      await writeStock(client, productId, newStock);
      return { success: true, old_stock: oldStock, new_stock: newStock, retries: 0, error: null };
    }),
  );

  decrement('pessimistic', (productId, quantity) =>
    withTransaction(pool, async (client) => {
      const oldStock = await readStock(client, productId, true);
      const newStock = decremented(oldStock, quantity);
      await writeStock(client, productId, newStock);
      return { success: true, old_stock: oldStock, new_stock: newStock, retries: 0, error: null };
    }),
  );

  // Compare-and-set on `version`, retried immediately (no back-off) up to max_retries times.
  decrement('optimistic', (productId, quantity, maxRetries) =>
    withClient(pool, async (client) => {
      let oldStock = 0;
      for (let attempt = 0; attempt <= maxRetries; attempt++) {
        const { rows } = await client.query<{ stock: number; version: number }>('SELECT stock, version FROM products WHERE id = $1', [productId]);
        if (rows.length === 0) throw new HttpError(404, PRODUCT_NOT_FOUND);
        const { stock, version } = rows[0]!;
        oldStock = stock;
        const newStock = decremented(stock, quantity);
        const { rowCount } = await client.query(
          `UPDATE products SET stock = $1, version = version + 1, updated_at = NOW()
           WHERE id = $2 AND version = $3`,
          [newStock, productId, version],
        );
        if (rowCount === 1) return { success: true, old_stock: stock, new_stock: newStock, retries: attempt, error: null };
      }
      return { success: false, old_stock: oldStock, new_stock: oldStock, retries: maxRetries, error: 'Max retries exceeded' };
    }),
  );

  // SERIALIZABLE; a serialization failure is reported, not retried (the contract's rule).
  decrement('serializable', async (productId, quantity) => {
    try {
      return await withTransaction(
        pool,
        async (client) => {
          const oldStock = await readStock(client, productId);
          const newStock = decremented(oldStock, quantity);
          await writeStock(client, productId, newStock);
          return { success: true, old_stock: oldStock, new_stock: newStock, retries: 0, error: null };
        },
        'BEGIN ISOLATION LEVEL SERIALIZABLE',
      );
    } catch (error) {
      if ((error as DatabaseError).code !== SERIALIZATION_FAILURE) throw error;
      return { success: false, old_stock: 0, new_stock: 0, retries: 0, error: (error as Error).message };
    }
  });
}
