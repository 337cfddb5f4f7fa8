import type { FastifyInstance } from 'fastify';
import type { PoolClient } from 'pg';
import { serve } from '../contract-routes.js';
import { withClient, withTransaction } from '../db.js';
import type { AppDeps } from '../deps.js';
import { elapsedSince } from '../http-error.js';

/** Rows per multi-row INSERT in `insert-batch` (1,000 bind parameters per statement). */
export const INSERT_BATCH_ROWS = 500;

/** Builds `($1, $2), ($3, $4), …` for `rows` rows of two columns. */
export function valuePlaceholders(rows: number): string {
  const tuples: string[] = [];
  for (let i = 0; i < rows; i++) tuples.push(`($${2 * i + 1}, $${2 * i + 2})`);
  return tuples.join(', ');
}

/** The literal one-statement INSERT of rows `item_0 … item_<count-1>` (values are integers only). */
export function literalInsertSql(count: number): string {
  const tuples: string[] = [];
  for (let i = 0; i < count; i++) tuples.push(`('item_${i}', ${i})`);
  return `INSERT INTO bulk_items (name, value) VALUES ${tuples.join(', ')}`;
}

/** The literal one-statement `UPDATE … SET value = CASE id … END` for ids 1..count. */
export function caseUpdateSql(count: number): string {
  const whens: string[] = [];
  const ids: number[] = [];
  for (let id = 1; id <= count; id++) {
    whens.push(`WHEN ${id} THEN ${id * 10}`);
    ids.push(id);
  }
  return `UPDATE bulk_items SET value = CASE id ${whens.join(' ')} END WHERE id IN (${ids.join(', ')})`;
}

async function insertBatched(client: PoolClient, count: number): Promise<void> {
  for (let first = 0; first < count; first += INSERT_BATCH_ROWS) {
    const rows = Math.min(INSERT_BATCH_ROWS, count - first);
    const values: (string | number)[] = [];
    for (let i = first; i < first + rows; i++) values.push(`item_${i}`, i);
    await client.query(`INSERT INTO bulk_items (name, value) VALUES ${valuePlaceholders(rows)}`, values);
  }
}

/**
 * Registers the bulk-operation endpoints (scenario 12, table `bulk_items`). Loops run on one
 * checked-out connection; "individual" statements run in autocommit, so each is its own commit.
 */
export async function bulkRoutes(app: FastifyInstance, { pool }: AppDeps): Promise<void> {
  const bulk = (operation: string, work: (count: number) => Promise<void>) => {
    serve<{ Querystring: { count: number } }>(app, `bulk.${operation}`, async (request) => {
      const { count } = request.query;
      const start = performance.now();
      await work(count);
      return { operation, count, elapsed_ms: elapsedSince(start) };
    });
  };

  serve(app, 'bulk.cleanup', async () => {
    await pool.query('TRUNCATE bulk_items RESTART IDENTITY');
    return { message: 'Table truncated' };
  });

  bulk('insert-individual', (count) =>
    withClient(pool, async (client) => {
      for (let i = 0; i < count; i++) {
        await client.query('INSERT INTO bulk_items (name, value) VALUES ($1, $2)', [`item_${i}`, i]);
      }
    }),
  );

  bulk('insert-batch', (count) => withTransaction(pool, (client) => insertBatched(client, count)));

  bulk('insert-raw', async (count) => {
    await pool.query(literalInsertSql(count));
  });

  bulk('update-individual', (count) =>
    withClient(pool, async (client) => {
      for (let id = 1; id <= count; id++) {
        await client.query('UPDATE bulk_items SET value = id * 10 WHERE id = $1', [id]);
      }
    }),
  );

  bulk('update-bulk', async (count) => {
    await pool.query(caseUpdateSql(count));
  });
}
