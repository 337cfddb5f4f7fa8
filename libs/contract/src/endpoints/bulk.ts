import { z } from 'zod';
import { defineEndpoint, invalidInput } from '../endpoint-def';
import { intParam } from '../schemas/int-param';
import { Count, ElapsedMs } from '../schemas/primitives';

/** `count` of the bulk endpoints: 1–10000, default 1000. */
export const BulkQuery = z.object({
  count: intParam({ min: 1, max: 10000, default: 1000, description: 'Number of rows (1–10000).' }),
});

/** The five bulk operations; each is also the `operation` value of its response. */
export type BulkOperation = 'insert-individual' | 'insert-batch' | 'insert-raw' | 'update-individual' | 'update-bulk';

function operation<const O extends BulkOperation>(name: O, summary: string) {
  return defineEndpoint({
    id: `bulk.${name}`,
    method: 'POST',
    path: `/bulk-operations/${name}`,
    group: 'bulk',
    summary,
    query: BulkQuery,
    responses: {
      200: {
        description: 'The operation, the row count and the server-side time.',
        schema: z.strictObject({ operation: z.literal(name), count: Count, elapsed_ms: ElapsedMs }),
      },
      422: invalidInput,
    },
  });
}

/** DELETE /bulk-operations/cleanup */
export const bulkCleanup = defineEndpoint({
  id: 'bulk.cleanup',
  method: 'DELETE',
  path: '/bulk-operations/cleanup',
  group: 'bulk',
  summary: 'TRUNCATE bulk_items RESTART IDENTITY.',
  responses: {
    200: { description: 'Truncated.', schema: z.strictObject({ message: z.literal('Table truncated') }) },
  },
});

/** POST /bulk-operations/insert-individual */
export const bulkInsertIndividual = operation('insert-individual', "One INSERT and one commit per row (name='item_<i>', value=i).");
/** POST /bulk-operations/insert-batch */
export const bulkInsertBatch = operation('insert-batch', "The framework's batched insert in one transaction.");
/** POST /bulk-operations/insert-raw */
export const bulkInsertRaw = operation('insert-raw', 'One multi-row INSERT statement.');
/** POST /bulk-operations/update-individual */
export const bulkUpdateIndividual = operation('update-individual', 'UPDATE … SET value = id*10 per id 1..count, one commit each.');
/** POST /bulk-operations/update-bulk */
export const bulkUpdateBulk = operation('update-bulk', 'One UPDATE statement for ids 1..count, one commit.');

/** The 6 bulk endpoints (scenario 12). */
export const bulkEndpoints = [bulkCleanup, bulkInsertIndividual, bulkInsertBatch, bulkInsertRaw, bulkUpdateIndividual, bulkUpdateBulk] as const;
