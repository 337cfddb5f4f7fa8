import { Router, type Request, type Response } from 'express';
import type { Deps } from '../deps.js';
import { elapsedMs, nowMs } from '../http/elapsed.js';
import { validate } from '../http/validate.js';
import { BulkQuery } from '../schemas/requests.js';
import { bulkRows, insertRawSql, updateBulkSql } from '../services/bulk-sql.js';

type Operation = (prisma: Deps['prisma'], count: number) => Promise<unknown>;

/** Each bulk operation, written the way Prisma code does it (README: the SQL each one issues). */
const OPERATIONS: Record<string, Operation> = {
  // One `create` per row, each its own statement and autocommit.
  'insert-individual': async (prisma, count) => {
    for (const data of bulkRows(count)) await prisma.bulkItem.create({ data, select: { id: true } });
  },
  // Prisma's batched insert: createMany → one multi-row INSERT with bind parameters.
  'insert-batch': (prisma, count) => prisma.bulkItem.createMany({ data: bulkRows(count) }),
  // Hand-written literal multi-row INSERT.
  'insert-raw': (prisma, count) => prisma.$executeRawUnsafe(insertRawSql(count)),
  // One UPDATE … WHERE id = $1 per id, each autocommitted (updateMany: no error for missing rows).
  'update-individual': async (prisma, count) => {
    for (let id = 1; id <= count; id++) await prisma.bulkItem.updateMany({ where: { id }, data: { value: id * 10 } });
  },
  // Hand-written single UPDATE … CASE.
  'update-bulk': (prisma, count) => prisma.$executeRawUnsafe(updateBulkSql(count)),
};

/** /bulk-operations/* (scenario 12). */
export function bulkRouter({ prisma }: Deps): Router {
  const router = Router();

  router.delete('/bulk-operations/cleanup', async (_req, res) => {
    await prisma.$executeRaw`TRUNCATE TABLE bulk_items RESTART IDENTITY`;
    res.json({ message: 'Table truncated' });
  });

  for (const [operation, run] of Object.entries(OPERATIONS)) {
    router.post(`/bulk-operations/${operation}`, async (req: Request, res: Response) => {
      const { count } = validate(BulkQuery, req.query);
      const start = nowMs();
      await run(prisma, count);
      res.json({ operation, count, elapsed_ms: elapsedMs(start) });
    });
  }
  return router;
}
