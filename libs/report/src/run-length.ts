import type { ResultFile } from '@lab/results';
import { mean, median, standardDeviation, studentTQuantile } from '@lab/stats';

/** Run lengths a run-length study compares by default, seconds (docs/precision.md). */
export const STUDY_LENGTHS_SECONDS: readonly number[] = [5, 10, 20];

/** Run counts whose projected interval a run-length study prints by default. */
export const STUDY_RUN_COUNTS: readonly number[] = [3, 5, 8, 12];

/** Precision targets a run-length study finds the run count for by default (fractions). */
export const STUDY_TARGETS: readonly number[] = [0.02, 0.05];

/** Above this many runs a target counts as out of reach (`runsFor` null). */
export const STUDY_MAX_RUNS = 100;

/** What runs of one length say about a cell's precision. */
export interface LengthPrecision {
  /** The run length: the first `seconds` of each run's per-second timeline. */
  readonly seconds: number;
  /** Geometric mean of the runs' rates over those seconds, req/s. */
  readonly ratePerSec: number;
  /** Standard deviation of the log run rates (≈ the run-to-run CV). */
  readonly sdLog: number;
  /**
   * Steady change of the log rate from one run to the next (least-squares slope; +0.01 = each
   * run 1 % faster than the one before): the host drifting, which more runs do not average out.
   */
  readonly driftPerRun: number;
  /** The standard deviation of the log rates once that drift is removed (the runs' own scatter). */
  readonly sdLogDetrended: number;
  /** The 95 % interval's upper half-width, exp(t · sdLog / √n) − 1, projected at each run count. */
  readonly halfWidthAt: readonly { readonly runs: number; readonly halfWidth: number }[];
  /** Fewest runs (≥ 3) whose projected half-width is within each target; null above {@link STUDY_MAX_RUNS}. */
  readonly runsFor: readonly { readonly target: number; readonly runs: number | null }[];
}

/** A cell's precision by run length and run count (see {@link runLengthStudy}). */
export interface RunLengthStudy {
  /** Runs whose timeline covers the longest length studied. */
  readonly runs: number;
  /**
   * Median wall time from the end of one measured run to the start of the next, ms: server start,
   * fresh database, warm-up and cool-down, the price of each extra run. null with fewer than 2 runs.
   */
  readonly overheadPerRunMs: number | null;
  readonly lengths: readonly LengthPrecision[];
}

/** Options of {@link runLengthStudy}. */
export interface RunLengthOptions {
  readonly lengths?: readonly number[];
  readonly runCounts?: readonly number[];
  readonly targets?: readonly number[];
}

/**
 * How precise a cell would be with runs of each length and count, from one long measurement of
 * it: for each length L, each run's rate over the first L seconds of its per-second timeline
 * (`runs[].timeline.requests`; after the plan's warm-up, so what a run of length L would
 * measure); the standard deviation s of their logarithms; and the 95 % interval that n such runs
 * would give, exp(t(0.975, n − 1) · s / √n) − 1, the same t interval on log rates the lab states
 * for every cell. Lengths longer than some run's timeline are left out, and runs without a
 * timeline are ignored. null when fewer than 3 runs have a timeline covering the shortest length.
 */
export function runLengthStudy(result: ResultFile, options: RunLengthOptions = {}): RunLengthStudy | null {
  const runCounts = options.runCounts ?? STUDY_RUN_COUNTS;
  const targets = options.targets ?? STUDY_TARGETS;
  const timelines = result.runs.flatMap((run) => (run.timeline?.requests ? [run.timeline.requests] : []));
  if (timelines.length < 3) return null;
  const lengths = [...(options.lengths ?? STUDY_LENGTHS_SECONDS)].sort((a, b) => a - b).filter((seconds) => timelines.every((t) => t.length >= seconds));
  if (lengths.length === 0) return null;
  return {
    runs: timelines.length,
    overheadPerRunMs: overheadPerRun(result),
    lengths: lengths.map((seconds) => {
      const logs = timelines.map((t) => Math.log(Math.max(sumFirst(t, seconds), 1) / seconds));
      const s = standardDeviation(logs);
      const drift = slope(logs);
      const residuals = logs.map((y, i) => y - drift * i);
      return {
        seconds,
        ratePerSec: Math.exp(mean(logs)),
        sdLog: s,
        driftPerRun: Math.expm1(drift),
        sdLogDetrended: standardDeviation(residuals),
        halfWidthAt: runCounts.map((runs) => ({ runs, halfWidth: projectedHalfWidth(s, runs) })),
        runsFor: targets.map((target) => ({ target, runs: runsFor(s, target) })),
      };
    }),
  };
}

/** exp(t(0.975, n − 1) · s / √n) − 1: the upper half-width of a 95 % t interval on n log rates. */
export function projectedHalfWidth(sdLog: number, runs: number): number {
  return Math.expm1((studentTQuantile(0.975, runs - 1) * sdLog) / Math.sqrt(runs));
}

/** Fewest runs (≥ 3) whose projected half-width is within `target`; null above {@link STUDY_MAX_RUNS}. */
export function runsFor(sdLog: number, target: number): number | null {
  for (let runs = 3; runs <= STUDY_MAX_RUNS; runs++) if (projectedHalfWidth(sdLog, runs) <= target) return runs;
  return null;
}

function sumFirst(values: readonly number[], count: number): number {
  let sum = 0;
  for (let i = 0; i < count; i++) sum += values[i]!;
  return sum;
}

/** Least-squares slope of ys against their index 0, 1, …. */
function slope(ys: readonly number[]): number {
  const xBar = (ys.length - 1) / 2;
  const yBar = mean(ys);
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - xBar) * (y - yBar);
    den += (x - xBar) ** 2;
  });
  return num / den;
}

function overheadPerRun(result: ResultFile): number | null {
  const runs = [...result.runs].sort((a, b) => a.index - b.index);
  const gaps = runs.slice(1).map((run, i) => Date.parse(run.startedAt) - Date.parse(runs[i]!.startedAt) - runs[i]!.durationMs);
  return gaps.length > 0 ? median(gaps) : null;
}
