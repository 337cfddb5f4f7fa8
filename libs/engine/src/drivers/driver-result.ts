import type { TrendSummary } from '../metrics/trend';

/** Which kind of latency data a result carries: a full HDR histogram (native, loadgen), or only wrk's percentiles. */
export type HistogramSource = 'hdr' | 'wrk-percentiles';

/** How a request failed. `check` counts failed checks; `iteration` counts iterations that threw. */
export type ErrorKind = 'timeout' | 'connect' | 'reset' | 'non2xx' | 'check' | 'iteration' | 'other';

/** Error counts by kind. */
export type ErrorCounts = Record<ErrorKind, number>;

/** Latency summary in microseconds. `percentilesUs` keys are percentiles as strings ('50', '99.9'). */
export interface LatencySummary {
  count: number;
  minUs: number;
  maxUs: number;
  meanUs: number;
  stdevUs: number;
  percentilesUs: Record<string, number>;
}

/** Figures for one slice of the traffic (overall, one group or one endpoint). */
export interface MetricBucket {
  requests: number;
  /** Requests that failed (transport error or non-2xx). Failed checks are counted in `checks`. */
  errors: number;
  latency: LatencySummary;
  /** HDR histogram of latency in µs, `encodeIntoCompressedBase64` (loadgen: the same V2 compressed format, written in Go); absent for wrk. */
  histogram?: string;
}

/** Pass/fail counts of one named check. */
export interface CheckCount {
  passed: number;
  failed: number;
}

/** One second of the run, by completion time. */
export interface TimelinePoint {
  second: number;
  requests: number;
  errors: number;
  p50Us: number;
  p99Us: number;
}

/** One step of a saturation sweep. */
export interface SweepStep {
  targetRatePerSec: number;
  achievedRatePerSec: number;
  p99Us: number;
  errorRate: number;
  dropped: number;
  passed: boolean;
  /** The generator's longest stall during the step, ms: native, its longest event-loop block (`watchEventLoop`); loadgen, the longest it sent a request after its due time. */
  generatorStallMs?: number;
}

/** The outcome of a saturation sweep: capacity = the last rate whose step met the SLO. */
export interface SweepResult {
  slo: { percentile: number; maxLatencyMs: number; maxErrorRate: number };
  steps: SweepStep[];
  /** Null when even the first step failed. */
  capacityRatePerSec: number | null;
  /**
   * The step that ended the sweep failed while the generator itself stalled, and failed again
   * when taken once more: the capacity is a lower bound of the server's (see `runSweep`).
   */
  generatorStalled: boolean;
}

/** The load generators `runScenario` can drive a scenario with. */
export type DriverName = 'native' | 'wrk' | 'loadgen';

/** The one result shape every driver returns. Latencies in µs, durations in ms. */
export interface DriverResult {
  /** `native`: undici in this process; `wrk`; `loadgen`: the lab's Go generator (tools/loadgen). */
  driver: DriverName;
  loadKind: 'closed' | 'open' | 'open-stages' | 'sweep';
  histogramSource: HistogramSource;
  /** Measured wall time of the load phase (setup and teardown excluded). */
  durationMs: number;
  requests: number;
  ratePerSec: number;
  /** Native and loadgen: response body bytes. wrk: bytes read from the socket, headers included. */
  bytesReceived: number;
  /** Responses by HTTP status code; 0 is never used (transport errors are in `errors`). */
  statuses: Record<string, number>;
  errors: ErrorCounts;
  checks: Record<string, CheckCount>;
  groups: Record<string, MetricBucket>;
  endpoints: Record<string, MetricBucket>;
  overall: MetricBucket;
  timeline: TimelinePoint[];
  /** Custom trends (`ctx.record`) and group wall times (`<group>::duration`, ms), by key. Empty for wrk and loadgen. */
  trends: Record<string, TrendSummary>;
  /** Custom counters (`ctx.count`). Empty for wrk and loadgen. */
  counters: Record<string, number>;
  /** What the scenario's teardown returned as `extras`; the runner adds what it observed (`observe`). */
  extras: Record<string, number | string | boolean>;
  iterations: { completed: number; dropped: number };
  /** Requests the VUs sent during the load with `measure: false` (set-up calls inside an iteration). */
  unmeasuredRequests: number;
  /**
   * Time every request the VUs sent during the load spent in flight, measured or not, failed
   * or not, summed, µs: divided by the duration it is Little's L, the mean number of requests in
   * flight. null when the driver cannot tell (wrk).
   */
  inFlightUs: number | null;
  /** CPU seconds (user + system) used by the load generator during the load phase. */
  generatorCpuSeconds: number;
  /** True when an AbortSignal stopped the run early; the figures cover what was measured. */
  interrupted: boolean;
  sweep?: SweepResult;
  /** Honest remarks about what this result can and cannot say. */
  notes: string[];
}

export { REPORTED_PERCENTILES } from '../metrics/percentiles';

/** An all-zero error count. */
export function emptyErrorCounts(): ErrorCounts {
  return { timeout: 0, connect: 0, reset: 0, non2xx: 0, check: 0, iteration: 0, other: 0 };
}
