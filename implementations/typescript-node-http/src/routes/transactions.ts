import type { DatabaseError, PoolClient } from 'pg';
import { withClient, withTransaction } from '../db.js';
import type { AppDeps } from '../deps.js';
import { elapsedSince, HttpError, INT4_MAX, INT4_MIN, pathId, queryInt, ROW_ID, sendJson } from '../http.js';
import type { Router } from '../router.js';

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

const PRODUCT_NOT_FOUND = 'Product not found';
const SERIALIZATION_FAILURE = '40001';

/** The largest amount one decrement may subtract. */
export const MAX_QUANTITY = 1000;

/**
 * `stock - quantity`, or a 422 `Stock out of range` when PostgreSQL's `integer` stock column
 * cannot hold it; thrown before the UPDATE, so nothing changes (a transaction rolls back).
 */
export function decrementedStock(stock: number, quantity: number): number {
  const next = stock - quantity;
  if (next < INT4_MIN || next > INT4_MAX) throw new HttpError(422, 'Stock out of range');
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
export function registerTransactionRoutes(router: Router, { pool }: AppDeps): void {
  router.get('/transactions/products/{id}', async ({ res, params }) => {
    const id = pathId(params['id']);
    const { rows } = await pool.query('SELECT id, name, stock, version, updated_at FROM products WHERE id = $1', [id]);
    if (rows.length === 0) throw new HttpError(404, PRODUCT_NOT_FOUND);
    sendJson(res, 200, rows[0]);
  });

  router.post('/transactions/reset', async ({ res }) => {
    await pool.query('UPDATE products SET stock = 1000, version = 0, updated_at = NOW()');
    sendJson(res, 200, { message: 'All stocks reset to 1000' });
  });

  const decrement = (method: LockMethod, run: (productId: number, quantity: number, query: URLSearchParams) => Promise<Outcome>) => {
    router.post(`/transactions/decrement/${method}`, async ({ res, query }) => {
      const productId = queryInt(query, 'product_id', { ...ROW_ID, default: 1 });
      const quantity = queryInt(query, 'quantity', { default: 1, min: 1, max: MAX_QUANTITY });
      const start = performance.now();
      const outcome = await run(productId, quantity, query);
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
      sendJson(res, 200, result);
    });
  };

  // Read, compute in JS, write the absolute value back: concurrent callers lose updates.
  decrement('no-lock', (productId, quantity) =>
    withClient(pool, async (client) => {
      const oldStock = await readStock(client, productId);
      const newStock = decrementedStock(oldStock, quantity);
      await writeStock(client, productId, newStock);
      return { success: true, old_stock: oldStock, new_stock: newStock, retries: 0, error: null };
    }),
  );

  decrement('pessimistic', (productId, quantity) =>
    withTransaction(pool, async (client) => {
      const oldStock = await readStock(client, productId, true);
      const newStock = decrementedStock(oldStock, quantity);
      await writeStock(client, productId, newStock);
      return { success: true, old_stock: oldStock, new_stock: newStock, retries: 0, error: null };
    }),
  );

  // Compare-and-set on `version`, retried immediately (no back-off) up to max_retries times.
  decrement('optimistic', (productId, quantity, query) => {
    const maxRetries = queryInt(query, 'max_retries', { default: 5, min: 0, max: 100 });
    return withClient(pool, async (client) => {
      let oldStock = 0;
      for (let attempt = 0; attempt <= maxRetries; attempt++) {
        const { rows } = await client.query<{ stock: number; version: number }>('SELECT stock, version FROM products WHERE id = $1', [productId]);
        if (rows.length === 0) throw new HttpError(404, PRODUCT_NOT_FOUND);
        const { stock, version } = rows[0]!;
        oldStock = stock;
        const newStock = decrementedStock(stock, quantity);
        const { rowCount } = await client.query(
          `UPDATE products SET stock = $1, version = version + 1, updated_at = NOW()
           WHERE id = $2 AND version = $3`,
          [newStock, productId, version],
        );
        if (rowCount === 1) {
          return { success: true, old_stock: stock, new_stock: newStock, retries: attempt, error: null };
        }
      }
      return {
        success: false,
        old_stock: oldStock,
        new_stock: oldStock,
        retries: maxRetries,
        error: 'Max retries exceeded',
      };
    });
  });

  // SERIALIZABLE; a serialization failure is reported, not retried.
  decrement('serializable', async (productId, quantity) => {
    try {
      return await withTransaction(
        pool,
        async (client) => {
          const oldStock = await readStock(client, productId);
          const newStock = decrementedStock(oldStock, quantity);
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
