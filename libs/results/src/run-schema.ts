import { z } from 'zod';
import { percentilesUsSchema, roleSchema } from './outcome-schema';
import { isoDateTimeSchema } from './provenance-schema';

const count = z.int().nonnegative();

/** How a cell was measured: warm-up, run length, repetition bounds and the stop rule. */
export const planSchema = z.strictObject({
  /** Discarded warm-up before the first measured run, milliseconds. */
  warmupMs: z.int().nonnegative(),
  /** Length of each measured run, milliseconds. */
  runDurationMs: z.int().positive(),
  minRuns: z.int().positive(),
  maxRuns: z.int().positive(),
  /** Stop when the 95 % CI lies within ±precisionTarget of the estimate; a fraction (0.02). */
  precisionTarget: z.number().gt(0).lt(1),
  /**
   * Load generator: the lab's own Node driver, wrk, or `loadgen`, the lab's Go generator (raw
   * latencies in mergeable HDR histograms). Adding a value accepts every file written before.
   */
  driver: z.enum(['native', 'wrk', 'loadgen']),
  /**
   * The preset the plan started from (`standard`, `quick`, `suite`, `publish`); cells are ranked
   * only against cells of the same preset. null: not recorded (a schema-1 file).
   */
  preset: z.enum(['standard', 'quick', 'suite', 'publish']).nullable(),
  /**
   * Whether the conformance gate ran and passed before measuring (false: `--skip-gate`, listed
   * but never ranked). null: not recorded (a schema-1 file), treated as ungated.
   */
  gated: z.boolean().nullable(),
});

/** Failed requests of a run by kind (counts). */
export const errorCountsSchema = z.strictObject({
  timeout: count,
  reset: count,
  non2xx: count,
  checkFailed: count,
  other: count,
});

/** Latency summary of one run's group or endpoint, microseconds (per run, never averaged). */
export const latencySummaryUsSchema = z.strictObject({
  mean: z.number().nonnegative(),
  p50: count,
  p90: count,
  /** null only in a schema-1 file without histograms to read it from. */
  p95: count.nullable(),
  p99: count,
  max: count,
});

/** Traffic of one group or endpoint within a run. `latencyUs` is null without requests. */
export const trafficSummarySchema = z.strictObject({
  requests: count,
  /** Failed requests of every kind. */
  errors: count,
  ratePerSec: z.number().nonnegative(),
  latencyUs: latencySummaryUsSchema.nullable(),
});

/**
 * One run's per-second series, column by column to keep result files small: entry k of every
 * array is second k of the measured load, counted from its start; a partial last second is left
 * out, so `seconds` = ⌊durationMs / 1000⌋. Traffic (by completion time, from the driver) is
 * absent when the driver reports no timeline (wrk); `null` marks a second without the figure (no
 * answered request for a percentile, a role whose processes could not be read). Resources are the
 * runner's once-a-second reading of each role's process tree: CPU as busy cores over the second
 * (0.01 cores resolution), resident memory at the second's end. Optional: files written before
 * it existed have none.
 */
export const runTimelineSchema = z
  .strictObject({
    seconds: z.int().positive(),
    /** Completed requests per second (successful or not): the second's rate, req/s. */
    requests: z.array(count).optional(),
    /** Failed requests of every kind per second. */
    errors: z.array(count).optional(),
    /** Median latency of the second's answered requests, µs. */
    p50Us: z.array(count.nullable()).optional(),
    /** 99th percentile latency of the second's answered requests, µs. */
    p99Us: z.array(count.nullable()).optional(),
    /** Busy CPUs of each role's processes over each second, in cores. */
    cpuCores: z.partialRecord(roleSchema, z.array(z.number().nonnegative().nullable())),
    /** Resident memory (RSS summed over each role's process tree) at the end of each second, bytes. */
    rssBytes: z.partialRecord(roleSchema, z.array(count.nullable())),
  })
  .superRefine((timeline, ctx) => {
    const traffic = (['requests', 'errors', 'p50Us', 'p99Us'] as const).filter((key) => timeline[key] !== undefined);
    if (traffic.length !== 0 && traffic.length !== 4) {
      ctx.addIssue({ code: 'custom', path: [], message: `requests, errors, p50Us and p99Us go together; only ${traffic.join(', ')} given` });
    }
    const columns: [PropertyKey[], unknown[]][] = [
      ...traffic.map((key): [PropertyKey[], unknown[]] => [[key], timeline[key]!]),
      ...Object.entries(timeline.cpuCores).map(([role, v]): [PropertyKey[], unknown[]] => [['cpuCores', role], v]),
      ...Object.entries(timeline.rssBytes).map(([role, v]): [PropertyKey[], unknown[]] => [['rssBytes', role], v]),
    ];
    for (const [path, values] of columns) {
      if (values.length !== timeline.seconds) ctx.addIssue({ code: 'custom', path, message: `${values.length} entries for ${timeline.seconds} seconds` });
    }
  });

/** One measured run (warm-up excluded). */
export const runSchema = z.strictObject({
  /** 0-based position among the measured runs. */
  index: count,
  startedAt: isoDateTimeSchema,
  durationMs: z.number().positive(),
  /** Completed requests (successful or not). */
  requests: count,
  /** Completed requests per second: the main metric of the run. */
  ratePerSec: z.number().nonnegative(),
  errors: errorCountsSchema,
  /** Average busy CPUs of processes outside the cell during the run (host noise), in cores. */
  backgroundCpuCores: z.number().nonnegative(),
  /** Average busy CPUs of the load generator during the run, in cores (headroom check). */
  generatorCpuCores: z.number().nonnegative(),
  /**
   * Average CPUs the hypervisor took from this virtual machine during the run (steal time of
   * /proc/stat), in cores; judged like background load. null: not recorded (a schema-1 file).
   */
  stealCpuCores: z.number().nonnegative().nullable(),
  /**
   * Open models: iterations due while `maxInFlight` were already running, so never sent (the
   * offered rate was not met). 0 for closed models; null: not recorded (a schema-1 file).
   */
  droppedIterations: count.nullable(),
  /** Requests the VUs sent unmeasured during the load (set-up calls inside an iteration); null: not recorded. */
  unmeasuredRequests: count.nullable(),
  /**
   * Mean requests in flight over the run (Little's L): the time every request the VUs sent
   * spent in flight, measured or not, divided by the run's duration. A closed loop can never
   * exceed its VUs. For wrk it is rate × wrk's mean latency. null: not known.
   */
  concurrency: z.number().nonnegative().nullable(),
  /** Per scenario group (k6-style `group`). */
  perGroup: z.record(z.string().min(1), trafficSummarySchema),
  /** Per endpoint, keyed `METHOD /path/template`. */
  perEndpoint: z.record(z.string().min(1), trafficSummarySchema),
  /**
   * The run's latency percentiles as the driver reported them (µs). Only for
   * `histogramSource: 'wrk-percentiles'` results, which have no histograms to merge.
   */
  percentilesUs: percentilesUsSchema.optional(),
  /** Per-second traffic and resources of the run; absent in files written before it was recorded. */
  timeline: runTimelineSchema.optional(),
});

/**
 * An HDR histogram of latencies in microseconds, serialised with hdr-histogram-js
 * `encodeIntoCompressedBase64` (the HdrHistogram V2 compressed format, base64).
 */
export const encodedHistogramSchema = z
  .string()
  .min(8)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'expected a base64 HdrHistogram (encodeIntoCompressedBase64)');

/** A set of latency histograms: all requests, per group and per endpoint. */
export const histogramSetSchema = z.strictObject({
  latencyUs: encodedHistogramSchema,
  perGroupLatencyUs: z.record(z.string().min(1), encodedHistogramSchema),
  perEndpointLatencyUs: z.record(z.string().min(1), encodedHistogramSchema),
});

/**
 * Latency histograms of a cell: `merged` over all measured runs (the source of every reported
 * percentile) and `perRun`, index-aligned with `runs`, so merges can be redone or audited.
 */
export const histogramsSchema = z.strictObject({
  merged: histogramSetSchema,
  perRun: z.array(histogramSetSchema),
});

/** Parsed plan. */
export type Plan = z.infer<typeof planSchema>;
/** Parsed run. */
export type Run = z.infer<typeof runSchema>;
/** Parsed per-second timeline of a run. */
export type RunTimeline = z.infer<typeof runTimelineSchema>;
/** Parsed histogram set. */
export type HistogramSet = z.infer<typeof histogramSetSchema>;
