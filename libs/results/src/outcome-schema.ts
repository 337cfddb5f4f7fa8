import { z } from 'zod';

const count = z.int().nonnegative();

/** Process roles whose resources are measured and limited. */
export const roleSchema = z.enum(['server', 'database', 'generator', 'redis']);

/** Latency percentiles in microseconds, read from the MERGED histogram (never averaged). */
export const percentilesUsSchema = z.strictObject({
  p50: count,
  p90: count,
  p95: count,
  p99: count,
  p999: count,
  max: count,
});

/**
 * The interval around a cell's estimate, as much as its run count can say (`runInterval` of
 * @lab/stats): `ci` is a confidence interval (t interval on log run rates, `method: 't-log'`,
 * from 3 runs); `range` is [min, max] of two runs, NOT a CI; `none` is one run. `confidence`
 * is null unless `kind` is `ci`.
 */
export const intervalSchema = z.strictObject({
  kind: z.enum(['ci', 'range', 'none']),
  method: z.literal('t-log').nullable(),
  low: z.number(),
  high: z.number(),
  confidence: z.number().gt(0).lt(1).nullable(),
});

/**
 * Derived statistics of the cell's main metric (requests per second per run): the estimate
 * (geometric mean of the run rates) with its interval, the CV across runs (null below two
 * runs), the run count, and latency percentiles from the merged histogram.
 */
export const cellStatsSchema = z.strictObject({
  mainMetric: z.literal('ratePerSec'),
  /** Geometric mean of the run rates (the centre of the log-scale interval). */
  estimate: z.number().nonnegative(),
  ci: intervalSchema,
  cv: z.number().nonnegative().nullable(),
  runs: z.int().positive(),
  percentilesUs: percentilesUsSchema,
  /**
   * How `percentilesUs` was obtained: `merged-histogram` (absent means this) reads the merged HDR
   * histogram; `median-of-runs` (wrk only) is the per-percentile median of the runs' reported
   * percentiles — wrk gives no histogram, so pooled percentiles cannot be computed.
   */
  percentilesFrom: z.enum(['merged-histogram', 'median-of-runs']).optional(),
});

/** Resource use of one role over the measured runs. */
export const roleResourcesSchema = z.strictObject({
  /** User + system CPU time, seconds. */
  cpuSeconds: z.number().nonnegative(),
  /** CPU seconds per 1,000 completed requests (efficiency). */
  cpuSecondsPer1kRequests: z.number().nonnegative(),
  /** Peak resident set size, bytes. */
  peakRssBytes: count,
  /** CFS periods in which the role was throttled (cgroup cpu.stat), when known. */
  throttledPeriods: count.optional(),
  oomKilled: z.boolean(),
});

/** Limits requested for one role. */
export const roleLimitsSchema = z.strictObject({
  /** CPU quota in cores (0.5 = half a core). */
  cpus: z.number().positive().optional(),
  /** CPU list, e.g. `0` or `0-1,3`. */
  cpuset: z
    .string()
    .regex(/^\d+(-\d+)?(,\d+(-\d+)?)*$/)
    .optional(),
  memoryBytes: z.int().positive().optional(),
});

/** What limits were actually enforced, and how. */
export const limitsSchema = z.strictObject({
  enforced: z.boolean(),
  mechanism: z.enum(['cgroup-v2', 'cgroup-v1', 'taskset', 'none']),
  perRole: z.partialRecord(roleSchema, roleLimitsSchema),
});

/** Whether the cell may be ranked; any verdict but 'valid' comes with reasons. */
export const validitySchema = z.strictObject({
  verdict: z.enum(['valid', 'generator-bound', 'errors', 'checks-failed', 'unstable', 'noisy', 'crashed', 'overloaded', 'instrument-error']),
  reasons: z.array(z.string().min(1)),
});

/** A scenario threshold (k6-style expression) and its outcome. */
export const thresholdSchema = z.strictObject({
  expression: z.string().min(1),
  ok: z.boolean(),
  /** The observed value, in the unit the expression names; null when not measurable. */
  observed: z.number().nullable(),
});

/** Scenario-specific figures: lost updates, cache hit ratio, queries per request, … */
export const extrasSchema = z.record(z.string().min(1), z.union([z.number(), z.string(), z.boolean()]));

/** Parsed cell statistics. */
export type CellStats = z.infer<typeof cellStatsSchema>;
/** Percentiles in microseconds. */
export type PercentilesUs = z.infer<typeof percentilesUsSchema>;
/** A measured role. */
export type Role = z.infer<typeof roleSchema>;
/** Validity verdict. */
export type Verdict = z.infer<typeof validitySchema>['verdict'];
