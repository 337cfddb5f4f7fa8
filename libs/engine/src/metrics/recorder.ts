import * as hdr from 'hdr-histogram-js';
import {
  type CheckCount,
  type ErrorCounts,
  type ErrorKind,
  type LatencySummary,
  type MetricBucket,
  type TimelinePoint,
  REPORTED_PERCENTILES,
  emptyErrorCounts,
} from '../drivers/driver-result';
import { Trend, type TrendSummary, type TrendUnit } from './trend';

/** Highest recordable latency: 60 s in µs. Larger values are clamped. */
export const HIGHEST_LATENCY_US = 60_000_000;
/** Endpoints beyond this many distinct keys are folded into `other` to bound memory. */
const MAX_ENDPOINTS = 200;

/** Creates an empty latency histogram (µs, 3 significant digits). */
export function createHistogram(packed = false): hdr.Histogram {
  return hdr.build({
    bitBucketSize: packed ? 'packed' : 32,
    useWebAssembly: false,
    lowestDiscernibleValue: 1,
    highestTrackableValue: HIGHEST_LATENCY_US,
    numberOfSignificantValueDigits: 3,
  });
}

/** Summarises a histogram into the reported percentiles. */
export function summarize(h: hdr.Histogram): LatencySummary {
  const percentilesUs: Record<string, number> = {};
  for (const p of REPORTED_PERCENTILES) percentilesUs[String(p)] = h.totalCount ? h.getValueAtPercentile(p) : 0;
  return {
    count: h.totalCount,
    minUs: h.totalCount ? h.minNonZeroValue : 0,
    maxUs: h.maxValue,
    meanUs: h.totalCount ? h.mean : 0,
    stdevUs: h.totalCount ? h.stdDeviation : 0,
    percentilesUs,
  };
}

class Bucket {
  requests = 0;
  errors = 0;
  readonly hist = createHistogram();
  /** Counts one request; its latency (µs) enters the histogram only when it was answered. */
  count(failed: boolean, answered: boolean, latencyUs: number): void {
    this.requests++;
    if (failed) this.errors++;
    if (answered) this.hist.recordValue(latencyUs);
  }
  add(other: Bucket): void {
    this.requests += other.requests;
    this.errors += other.errors;
    this.hist.add(other.hist);
  }
  toJSON(): MetricBucket {
    return {
      requests: this.requests,
      errors: this.errors,
      latency: summarize(this.hist),
      histogram: hdr.encodeIntoCompressedBase64(this.hist),
    };
  }
}

interface Second {
  requests: number;
  errors: number;
  hist: hdr.Histogram;
}

/** One finished request as the recorder sees it. */
export interface RequestSample {
  latencyUs: number;
  /** HTTP status, or 0 when the request failed before a response. */
  status: number;
  error?: Exclude<ErrorKind, 'check' | 'iteration'> | undefined;
  group?: string | undefined;
  endpoint: string;
  bytes: number;
}

/**
 * Accumulates every measurement of a run: histograms overall / per group / per endpoint,
 * status and error counts, checks and a per-second timeline. Mergeable across sweep steps.
 * After `close()` further samples are ignored (requests finishing past the grace period).
 */
export class Recorder {
  readonly overall = new Bucket();
  readonly groups = new Map<string, Bucket>();
  readonly endpoints = new Map<string, Bucket>();
  readonly statuses: Record<string, number> = {};
  readonly errors: ErrorCounts = emptyErrorCounts();
  readonly checks: Record<string, CheckCount> = {};
  readonly seconds = new Map<number, Second>();
  /** Custom trends (`ctx.record`) and group durations, by key (`<group>::<name>`). */
  readonly trends = new Map<string, Trend>();
  /** Custom counters (`ctx.count`). */
  readonly counters: Record<string, number> = {};
  bytesReceived = 0;
  iterationsCompleted = 0;
  iterationsDropped = 0;
  /** Requests sent with `measure: false` while recording (see {@link Recorder.unmeasured}). */
  unmeasuredRequests = 0;
  /** Sum of the in-flight time of every request seen, measured or not, µs (Little's law). */
  inFlightUs = 0;
  closed = false;
  /** The second being filled (see {@link Recorder.second}) and the plain histogram it records into. */
  private hot: Second | undefined = undefined;
  private hotSecond = -1;
  private readonly scratch = createHistogram();

  constructor(private readonly startMs: number = performance.now()) {}

  /** Records one finished request; `nowMs` is its completion time (performance.now()). */
  record(sample: RequestSample, nowMs: number): void {
    if (this.closed) return;
    this.inFlightUs += Math.max(0, sample.latencyUs);
    const latency = Math.min(Math.max(1, Math.round(sample.latencyUs)), HIGHEST_LATENCY_US);
    const error = sample.error;
    const status = sample.status;
    const failed = error !== undefined || status < 200 || status >= 300;
    if (error) this.errors[error]++;
    else {
      const key = String(status);
      this.statuses[key] = (this.statuses[key] ?? 0) + 1;
      if (failed) this.errors.non2xx++;
    }
    this.bytesReceived += sample.bytes;
    // Transport failures have no meaningful latency; only answered requests enter histograms.
    const answered = !error;
    this.overall.count(failed, answered, latency);
    this.bucket(this.endpoints, this.endpointKey(sample.endpoint)).count(failed, answered, latency);
    if (sample.group !== undefined) this.bucket(this.groups, sample.group).count(failed, answered, latency);
    const sec = this.second(Math.max(0, Math.floor((nowMs - this.startMs) / 1000)));
    sec.requests++;
    if (failed) sec.errors++;
    if (answered) sec.hist.recordValue(latency);
  }

  /**
   * The timeline entry of second `s`. The second being filled records into a plain 32-bit
   * histogram (a packed one costs ~0.5 µs per value); when the clock moves on, its values are
   * copied into a packed histogram, which is what the timeline keeps (a run's hundreds of
   * seconds stay small), and the plain one is reset for the next second.
   */
  private second(s: number): Second {
    const hot = this.hot;
    if (hot !== undefined && this.hotSecond === s) return hot;
    let sec = this.seconds.get(s);
    if (sec !== undefined) return sec; // a second already left behind: its histogram is packed
    if (hot !== undefined) {
      const packed = createHistogram(true);
      packed.add(hot.hist);
      hot.hist = packed;
      this.scratch.reset();
    }
    this.seconds.set(s, (sec = { requests: 0, errors: 0, hist: this.scratch }));
    this.hot = sec;
    this.hotSecond = s;
    return sec;
  }

  /**
   * Counts a request the VUs sent unmeasured (`measure: false`) during the load: it is not in
   * any histogram, but its time in flight counts for Little's law.
   */
  unmeasured(latencyUs: number): void {
    if (this.closed) return;
    this.unmeasuredRequests++;
    this.inFlightUs += Math.max(0, latencyUs);
  }

  /** Records a named check; returns `ok` so it can be used inline. */
  check(name: string, ok: boolean): boolean {
    if (this.closed) return ok;
    const c = (this.checks[name] ??= { passed: 0, failed: 0 });
    if (ok) c.passed++;
    else {
      c.failed++;
      this.errors.check++;
    }
    return ok;
  }

  /** Adds `value` to the trend `key` (created with `unit` on first use; later units are ignored). */
  trend(key: string, value: number, unit: TrendUnit): void {
    if (this.closed) return;
    let t = this.trends.get(key);
    if (!t) this.trends.set(key, (t = new Trend(unit)));
    t.add(value);
  }

  /** Adds `by` (default 1) to the counter `name`. */
  count(name: string, by = 1): void {
    if (!this.closed && Number.isFinite(by)) this.counters[name] = (this.counters[name] ?? 0) + by;
  }

  /** Counts an iteration that threw. */
  iterationError(): void {
    if (!this.closed) this.errors.iteration++;
  }

  /** Adds another recorder's figures (used to total sweep steps). Timelines are offset by `secondOffset`. */
  merge(other: Recorder, secondOffset = 0): void {
    this.overall.add(other.overall);
    for (const [k, b] of other.groups) this.bucket(this.groups, k).add(b);
    for (const [k, b] of other.endpoints) this.bucket(this.endpoints, k).add(b);
    for (const [k, n] of Object.entries(other.statuses)) this.statuses[k] = (this.statuses[k] ?? 0) + n;
    for (const k of Object.keys(this.errors) as ErrorKind[]) this.errors[k] += other.errors[k];
    for (const [k, c] of Object.entries(other.checks)) {
      const mine = (this.checks[k] ??= { passed: 0, failed: 0 });
      mine.passed += c.passed;
      mine.failed += c.failed;
    }
    for (const [k, t] of other.trends) {
      const mine = this.trends.get(k) ?? new Trend(t.unit);
      mine.merge(t);
      this.trends.set(k, mine);
    }
    for (const [k, n] of Object.entries(other.counters)) this.counters[k] = (this.counters[k] ?? 0) + n;
    for (const [s, sec] of other.seconds) this.seconds.set(s + secondOffset, sec);
    this.bytesReceived += other.bytesReceived;
    this.iterationsCompleted += other.iterationsCompleted;
    this.iterationsDropped += other.iterationsDropped;
    this.unmeasuredRequests += other.unmeasuredRequests;
    this.inFlightUs += other.inFlightUs;
  }

  /** Total requests and failed requests so far (for progress). */
  totals(): { requests: number; errors: number } {
    return { requests: this.overall.requests, errors: this.overall.errors };
  }

  timeline(): TimelinePoint[] {
    return [...this.seconds.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([second, s]) => ({
        second,
        requests: s.requests,
        errors: s.errors,
        p50Us: s.hist.totalCount ? s.hist.getValueAtPercentile(50) : 0,
        p99Us: s.hist.totalCount ? s.hist.getValueAtPercentile(99) : 0,
      }));
  }

  bucketsJSON(map: Map<string, Bucket>): Record<string, MetricBucket> {
    return Object.fromEntries([...map].map(([k, b]) => [k, b.toJSON()]));
  }

  trendsJSON(): Record<string, TrendSummary> {
    return Object.fromEntries([...this.trends].map(([k, t]) => [k, t.toJSON()]));
  }

  overallJSON(): MetricBucket {
    return this.overall.toJSON();
  }

  private endpointKey(key: string): string {
    return this.endpoints.has(key) || this.endpoints.size < MAX_ENDPOINTS ? key : 'other';
  }

  private bucket(map: Map<string, Bucket>, key: string): Bucket {
    let b = map.get(key);
    if (!b) map.set(key, (b = new Bucket()));
    return b;
  }
}
