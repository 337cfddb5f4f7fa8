import { Router } from 'express';
import type { Deps } from '../deps.js';
import { databaseMessage, isSerializationFailure } from '../db/prisma-errors.js';
import { elapsedMs, nowMs } from '../http/elapsed.js';
import { HttpError } from '../http/http-error.js';
import { validate } from '../http/validate.js';
import { toSnakeRow } from '../mappers/snake-case.js';
import { failed, succeeded, type DecrementResult, type LockMethod } from '../services/decrement-result.js';
import { DecrementQuery, IdParams, OptimisticQuery } from '../schemas/requests.js';

type Prisma = Deps['prisma'];
type Outcome = Omit<DecrementResult, 'elapsed_ms'>;

const productNotFound = () => new HttpError(404, 'Product not found');

/** The smallest value of PostgreSQL's `integer`, the type of `products.stock`. */
const PG_INT_MIN = -2_147_483_648;

/**
 * `stock - quantity`, or 422 `Stock out of range` when `products.stock` (a PostgreSQL integer)
 * cannot hold it: thrown before the write, so nothing changes (a transaction rolls back).
 */
export function decrementedStock(stock: number, quantity: number): number {
  const next = stock - quantity;
  if (next < PG_INT_MIN) throw new HttpError(422, 'Stock out of range');
  return next;
}

/** Plain read, compute in the application, write the absolute value: lost updates are the point. */
async function noLock(prisma: Prisma, id: number, quantity: number): Promise<Outcome> {
  const product = await prisma.product.findUnique({ where: { id }, select: { stock: true } });
  if (!product) throw productNotFound();
  const newStock = decrementedStock(product.stock, quantity);
  await prisma.product.update({ where: { id }, data: { stock: newStock }, select: { id: true } });
  return succeeded('no-lock', id, product.stock, newStock);
}

/** Interactive transaction: SELECT … FOR UPDATE holds the row lock until COMMIT. */
function pessimistic(prisma: Prisma, id: number, quantity: number): Promise<Outcome> {
  return prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ stock: number }[]>`SELECT stock FROM products WHERE id = ${id} FOR UPDATE`;
    if (!row) throw productNotFound();
    const newStock = decrementedStock(row.stock, quantity);
    await tx.product.update({ where: { id }, data: { stock: newStock }, select: { id: true } });
    return succeeded('pessimistic', id, row.stock, newStock);
  });
}

/** Version-checked updateMany (`WHERE id = ? AND version = ?`), retried without back-off. */
async function optimistic(prisma: Prisma, id: number, quantity: number, maxRetries: number): Promise<Outcome> {
  let oldStock = 0;
  for (let retries = 0; retries <= maxRetries; retries++) {
    const product = await prisma.product.findUnique({ where: { id }, select: { stock: true, version: true } });
    if (!product) throw productNotFound();
    oldStock = product.stock;
    const newStock = decrementedStock(product.stock, quantity);
    const { count } = await prisma.product.updateMany({
      where: { id, version: product.version },
      data: { stock: newStock, version: { increment: 1 } },
    });
    if (count === 1) return succeeded('optimistic', id, product.stock, newStock, retries);
  }
  return failed('optimistic', id, 'Max retries exceeded', maxRetries, oldStock, oldStock);
}

/** SERIALIZABLE interactive transaction; a serialization failure is reported, never retried. */
async function serializable(prisma: Prisma, id: number, quantity: number): Promise<Outcome> {
  try {
    return await prisma.$transaction(
      async (tx) => {
        const product = await tx.product.findUnique({ where: { id }, select: { stock: true } });
        if (!product) throw productNotFound();
        const newStock = decrementedStock(product.stock, quantity);
        await tx.product.update({ where: { id }, data: { stock: newStock }, select: { id: true } });
        return succeeded('serializable', id, product.stock, newStock);
      },
      { isolationLevel: 'Serializable' },
    );
  } catch (error) {
    if (!isSerializationFailure(error)) throw error;
    return failed('serializable', id, databaseMessage(error), 0);
  }
}

/** /transactions/* (scenario 13). */
export function transactionsRouter({ prisma }: Deps): Router {
  const router = Router();

  router.get('/transactions/products/:id', async (req, res) => {
    const { id } = validate(IdParams, req.params);
    const product = await prisma.product.findUnique({ where: { id } });
    if (!product) throw productNotFound();
    res.json(toSnakeRow(product));
  });

  router.post('/transactions/reset', async (_req, res) => {
    await prisma.product.updateMany({ data: { stock: 1000, version: 0 } });
    res.json({ message: 'All stocks reset to 1000' });
  });

  const strategies: Record<LockMethod, (id: number, quantity: number, maxRetries: number) => Promise<Outcome>> = {
    'no-lock': (id, q) => noLock(prisma, id, q),
    pessimistic: (id, q) => pessimistic(prisma, id, q),
    optimistic: (id, q, maxRetries) => optimistic(prisma, id, q, maxRetries),
    serializable: (id, q) => serializable(prisma, id, q),
  };
  for (const [method, run] of Object.entries(strategies)) {
    const schema = method === 'optimistic' ? OptimisticQuery : DecrementQuery;
    router.post(`/transactions/decrement/${method}`, async (req, res) => {
      const query: { product_id: number; quantity: number; max_retries?: number } = validate(schema, req.query);
      const start = nowMs();
      const outcome = await run(query.product_id, query.quantity, query.max_retries ?? 0);
      res.json({ ...outcome, elapsed_ms: elapsedMs(start) });
    });
  }
  return router;
}
