import { assertSample } from './assert-sample';
import { StatsError } from './errors';
import { mean } from './mean';
import { studentTQuantile } from './student-t';
import { variance } from './variance';

/** Fewest runs for which {@link runInterval} gives a confidence interval (below it: a range, or nothing). */
export const MIN_RUNS_FOR_CI = 3;

/** Default nominal coverage of {@link runInterval}: 0.95. */
export const DEFAULT_CONFIDENCE = 0.95;

/**
 * The uncertainty of a cell's run-level figure (e.g. requests per second per run), as much as
 * its run count can honestly say:
 * - `ci`: a confidence interval with the stated nominal coverage (n ≥ {@link MIN_RUNS_FOR_CI});
 * - `range`: two runs, [min, max] — a range, NOT a confidence interval;
 * - `none`: one run, no interval at all (low = high = the value).
 * `estimate` is always the geometric mean of the runs (for one run, its value).
 */
export type RunInterval =
  | {
      readonly kind: 'ci';
      readonly method: 't-log';
      readonly estimate: number;
      readonly low: number;
      readonly high: number;
      readonly confidence: number;
      readonly n: number;
    }
  | { readonly kind: 'range'; readonly estimate: number; readonly low: number; readonly high: number; readonly n: 2 }
  | { readonly kind: 'none'; readonly estimate: number; readonly low: number; readonly high: number; readonly n: 1 };

/** Options of {@link runInterval}. */
export interface RunIntervalOptions {
  /** Nominal coverage in (0, 1). Default {@link DEFAULT_CONFIDENCE}. */
  readonly confidence?: number;
}

function assertPositive(values: readonly number[], what: string): void {
  values.forEach((v, i) => {
    if (!(v > 0)) throw new StatsError('LAB_STATS_INVALID_OPTION', `${what}: value at index ${i} is ${v}; log-scale statistics need positive values`);
  });
}

/** Validated confidence level. Internal. */
export function normalizeConfidence(confidence: number | undefined): number {
  const c = confidence ?? DEFAULT_CONFIDENCE;
  if (!(c > 0 && c < 1)) throw new StatsError('LAB_STATS_INVALID_OPTION', `confidence must be in (0, 1), got ${c}`);
  return c;
}

/**
 * Confidence interval of the typical value of independent, positive run figures: Student's t
 * interval on their logarithms, back-transformed (the log-normal model of a multiplicative
 * measurement error; Limpert, Stahel & Abbt 2001, "Log-normal distributions across the
 * sciences", BioScience 51(5); Student 1908). With y = ln x, the interval is
 * exp(ȳ ± t(1 − α/2, n − 1) · s_y / √n) around the geometric mean exp(ȳ).
 *
 * Why this method: with 3–10 runs a bootstrap cannot cover (the percentile bootstrap of a median
 * of 2 runs is [min, max], about 50 % coverage; at 3 runs about 75 %), while the t interval is
 * exact for log-normal runs at every n ≥ 2 and close to nominal for normal runs with a CV of a
 * few per cent; a drifting mean widens s_y, so it errs on the side of over-coverage. Its
 * coverage is checked by seeded simulation in `run-interval.spec.ts`.
 *
 * Fewer than {@link MIN_RUNS_FOR_CI} runs give a `range` (2) or `none` (1) instead: with one
 * degree of freedom the interval is ±12.7 standard errors, exact only if the runs are exactly
 * log-normal, and says nothing a reader can use. Values must be positive.
 */
export function runInterval(values: readonly number[], options: RunIntervalOptions = {}): RunInterval {
  assertSample(values, 'run interval');
  assertPositive(values, 'run interval');
  const confidence = normalizeConfidence(options.confidence);
  const logs = values.map(Math.log);
  const estimate = Math.exp(mean(logs));
  if (values.length === 1) return { kind: 'none', estimate: values[0]!, low: values[0]!, high: values[0]!, n: 1 };
  if (values.length < MIN_RUNS_FOR_CI) {
    return { kind: 'range', estimate, low: Math.min(...values), high: Math.max(...values), n: 2 };
  }
  const n = values.length;
  const halfWidth = tQuantileCached(1 - (1 - confidence) / 2, n - 1) * Math.sqrt(variance(logs) / n);
  const low = Math.min(estimate, Math.exp(Math.log(estimate) - halfWidth));
  const high = Math.max(estimate, Math.exp(Math.log(estimate) + halfWidth));
  return { kind: 'ci', method: 't-log', estimate, low, high, confidence, n };
}

const quantileCache = new Map<string, number>();

/** {@link studentTQuantile} memoised for integer degrees of freedom (the run counts repeat). Internal. */
export function tQuantileCached(p: number, df: number): number {
  if (!Number.isInteger(df)) return studentTQuantile(p, df);
  const key = `${p}|${df}`;
  let q = quantileCache.get(key);
  if (q === undefined) {
    q = studentTQuantile(p, df);
    quantileCache.set(key, q);
  }
  return q;
}

/** "95 % CI", "2 runs: range, not a CI" or "1 run: no interval": how to label a {@link RunInterval}. */
export function describeInterval(interval: Pick<RunInterval, 'kind' | 'n'> & { confidence?: number }): string {
  switch (interval.kind) {
    case 'ci':
      return `${Math.round((interval.confidence ?? DEFAULT_CONFIDENCE) * 100)} % CI`;
    case 'range':
      return '2 runs: range, not a CI';
    case 'none':
      return '1 run: no interval';
  }
}
