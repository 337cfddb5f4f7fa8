import type { DriverResult, MetricBucket } from '@lab/engine';
import { createLatencyHistogram, encodeHistogram, type HistogramSet, type PercentilesUs, type Role as ResultRole, type Run } from '@lab/results';
import type { QuietResult } from '@lab/isolation';
import type { RunFigures } from './judge-validity';
import { toRunTimeline } from './run-timeline';
import type { RoleSampling } from './sample-roles';

/** Resource use of one role during one measured run (deltas over the load phase). */
export interface RoleDelta {
  cpuSeconds: number;
  /** Peak resident memory seen, bytes (VmHWM of the process tree, or the cgroup peak). */
  peakRssBytes: number;
  throttledPeriods?: number;
  oomKilled: boolean;
}

/** One measured run as the runner saw it: the driver's result plus what was sampled around it. */
export interface MeasuredRun {
  index: number;
  startedAt: string;
  result: DriverResult;
  /** Average cores busy outside the cell's roles during the load phase. */
  backgroundCpuCores: number;
  /** Average cores the generator used during the load phase. */
  generatorCpuCores: number;
  /** Average cores the hypervisor took from this VM during the load phase (steal time). */
  stealCpuCores: number;
  roles: Record<ResultRole, RoleDelta>;
  /** The quiet gate before the run. */
  quiet: QuietResult;
  /** What the scenario's `observe` measured (see `startObservation`). */
  observed: Record<string, number | string | boolean>;
  /** Each role's CPU and RSS read once a second during the load (see `startRoleSampling`); absent: not sampled. */
  roleSampling?: RoleSampling;
}

const round = (x: number) => Math.max(0, Math.round(x));

function traffic(bucket: MetricBucket, durationMs: number): Run['perGroup'][string] {
  const l = bucket.latency;
  const p = (k: string) => round(l.percentilesUs[k] ?? 0);
  return {
    requests: bucket.requests,
    errors: bucket.errors,
    ratePerSec: durationMs > 0 ? bucket.requests / (durationMs / 1000) : 0,
    latencyUs: bucket.requests === 0 ? null : { mean: Math.max(0, l.meanUs), p50: p('50'), p90: p('90'), p95: p('95'), p99: p('99'), max: round(l.maxUs) },
  };
}

/** The driver's own percentiles of a bucket as a result `PercentilesUs` (wrk: no histogram to read them from). */
export function reportedPercentiles(bucket: MetricBucket): PercentilesUs {
  const l = bucket.latency.percentilesUs;
  const values = [l['50'], l['90'], l['95'], l['99'], l['99.9'], bucket.latency.maxUs].map((v) => round(v ?? 0));
  // Keep them ascending even if a driver's rounding disagrees in the last digit.
  for (let i = 1; i < values.length; i++) values[i] = Math.max(values[i]!, values[i - 1]!);
  const [p50, p90, p95, p99, p999, max] = values as [number, number, number, number, number, number];
  return { p50, p90, p95, p99, p999, max };
}

/**
 * Little's L of a run, the mean number of requests in flight: the in-flight time of every
 * request the VUs sent (measured or not) over the run's duration; for a driver that cannot
 * tell (wrk), rate × its reported mean latency. null without requests.
 */
export function concurrencyOf(r: DriverResult): number | null {
  const seconds = Math.max(r.durationMs, 1) / 1000;
  if (r.inFlightUs !== null) return r.requests + r.unmeasuredRequests > 0 ? r.inFlightUs / 1e6 / seconds : null;
  return r.overall.requests > 0 ? r.ratePerSec * (r.overall.latency.meanUs / 1e6) : null;
}

/** The result file's record of a run. */
export function toRun(run: MeasuredRun): Run {
  const r = run.result;
  const durationMs = Math.max(r.durationMs, 1);
  const mapBuckets = (buckets: Record<string, MetricBucket>) =>
    Object.fromEntries(Object.entries(buckets).map(([key, bucket]) => [key, traffic(bucket, durationMs)]));
  return {
    index: run.index,
    startedAt: run.startedAt,
    durationMs,
    requests: r.requests,
    ratePerSec: r.ratePerSec,
    errors: {
      timeout: r.errors.timeout,
      reset: r.errors.reset,
      non2xx: r.errors.non2xx,
      checkFailed: r.errors.check,
      other: r.errors.connect + r.errors.iteration + r.errors.other,
    },
    backgroundCpuCores: run.backgroundCpuCores,
    generatorCpuCores: run.generatorCpuCores,
    stealCpuCores: run.stealCpuCores,
    droppedIterations: r.iterations.dropped,
    unmeasuredRequests: r.unmeasuredRequests,
    concurrency: concurrencyOf(r),
    perGroup: mapBuckets(r.groups),
    perEndpoint: mapBuckets(r.endpoints),
    ...(r.histogramSource === 'wrk-percentiles' ? { percentilesUs: reportedPercentiles(r.overall) } : {}),
    ...timelineOf(run, durationMs),
  };
}

function timelineOf(run: MeasuredRun, durationMs: number): Pick<Run, 'timeline'> {
  const timeline = toRunTimeline(durationMs, run.result.timeline, run.roleSampling);
  return timeline ? { timeline } : {};
}

let emptyEncoded: string | undefined;

/** The run's encoded HDR histograms (an empty histogram where the driver recorded nothing). */
export function toHistogramSet(run: MeasuredRun): HistogramSet {
  emptyEncoded ??= encodeHistogram(createLatencyHistogram());
  const pick = (buckets: Record<string, MetricBucket>) =>
    Object.fromEntries(Object.entries(buckets).flatMap(([key, b]) => (b.histogram ? [[key, b.histogram] as const] : [])));
  return {
    latencyUs: run.result.overall.histogram ?? emptyEncoded,
    perGroupLatencyUs: pick(run.result.groups),
    perEndpointLatencyUs: pick(run.result.endpoints),
  };
}

/** The figures validity judges a run by. */
export function toRunFigures(run: MeasuredRun): RunFigures {
  const r = run.result;
  let checksPassed = 0;
  let checksFailed = 0;
  for (const c of Object.values(r.checks)) {
    checksPassed += c.passed;
    checksFailed += c.failed;
  }
  return {
    ratePerSec: r.ratePerSec,
    requests: r.requests,
    failedRequests: r.overall.errors,
    checksPassed,
    checksFailed,
    generatorCpuCores: run.generatorCpuCores,
    backgroundCpuCores: run.backgroundCpuCores,
    stealCpuCores: run.stealCpuCores,
    droppedIterations: r.iterations.dropped,
    attemptedIterations: r.iterations.completed + r.iterations.dropped,
    concurrency: concurrencyOf(r),
    ...(r.sweep ? { capacityPerSec: r.sweep.capacityRatePerSec } : {}),
  };
}
