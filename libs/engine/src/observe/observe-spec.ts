import { z } from 'zod';

/**
 * What the runner must measure beside the load generator's own figures. The engine only
 * declares and validates these; the runner (libs/runner) samples them and reports scalars in
 * the result's flat `extras` (keys below).
 */
export interface ObserveSpec {
  /**
   * Sample the server process tree's resident memory (RSS, bytes) every `intervalMs` (default
   * 1 000) during the load phase (`MemorySample[]`, kept wherever the result stores series),
   * judge it with `assessMemoryTrend(samples, leak)` and report `serverMemory.verdict`,
   * `serverMemory.slopeBytesPerMin`, `serverMemory.growthBytes`, `serverMemory.startBytes`,
   * `serverMemory.endBytes` in `extras`.
   */
  serverMemory?: boolean | { intervalMs?: number; leak?: LeakCriteria };
  /**
   * Count database statements per request of each listed endpoint: reset
   * `pg_stat_statements` before the load, read it after, divide the statements executed by the
   * requests measured for those endpoints → `extras['queriesPerRequest.<endpointId>']`.
   */
  queriesPerRequest?: { from: 'pg_stat_statements'; endpoints: string[] };
}

/** When a memory series counts as a leak (see `assessMemoryTrend`). */
export interface LeakCriteria {
  /** Leading fraction of the samples ignored as warm-up (heap growth to a plateau). Default 0.2. */
  warmupFraction?: number;
  /** Growth over the judged window, as a fraction of its starting level, that flags a leak. Default 0.1. */
  minGrowthFraction?: number;
  /** …and in absolute terms (small heaps grow by a few MB legitimately). Default 16 MiB. */
  minGrowthBytes?: number;
}

const fraction = z.number().min(0, 'must be ≥ 0').max(1, 'is a fraction: must be ≤ 1');

/** The zod schema of `ObserveSpec`. */
export const observeSchema = z.strictObject({
  serverMemory: z
    .union([
      z.boolean(),
      z.strictObject({
        intervalMs: z.number().int('must be an integer').min(100, 'must be ≥ 100').optional(),
        leak: z
          .strictObject({ warmupFraction: fraction.optional(), minGrowthFraction: fraction.optional(), minGrowthBytes: z.number().min(0).optional() })
          .optional(),
      }),
    ])
    .optional(),
  queriesPerRequest: z
    .strictObject({ from: z.literal('pg_stat_statements'), endpoints: z.array(z.string().min(1)).min(1, 'must name at least one endpoint') })
    .optional(),
});
