import type { ResultFile } from '@lab/results';
import { DEFAULT_SETTLING_NOISE_MULTIPLIER, type SettlingOutcome, settlingTime, StatsError } from '@lab/stats';

/**
 * Floor of the band below a run's final level: a rate within 2 % of it is steady even when the
 * run's own per-second scatter is smaller (`settlingTime`'s `minBand`).
 */
export const WARMUP_BAND = 0.02;

/**
 * How many per-second standard deviations of a run's own scatter its band spans at least: a
 * healthy server's per-second rate scatters by 1–5 %, and that is not warm-up.
 */
export const WARMUP_NOISE_MULTIPLIER = DEFAULT_SETTLING_NOISE_MULTIPLIER;

/**
 * Seconds of the centred moving median applied to the per-second rates before the band test: a
 * single noisy second on a shared host does not count as "still warming up".
 */
export const WARMUP_SMOOTH_SECONDS = 3;

/** Where one run's per-second rate settles. */
export interface RunWarmup {
  /** The run's index. */
  readonly run: number;
  /** Whole seconds in the run's timeline. */
  readonly seconds: number;
  /** `settled`, `not-steady` (its second half drifts, or it ends below the band) or `too-short`. */
  readonly outcome: SettlingOutcome;
  /**
   * Seconds into the measured window (that is, after the plan's discarded warm-up; 0 = steady
   * from the first second) from which the smoothed rate never again falls below the band; null
   * unless the outcome is `settled`.
   */
  readonly settledAtSecond: number | null;
  /** The final level: the median rate of the second half of the run, req/s. */
  readonly finalRatePerSec: number;
  /** The band used below the final level, a fraction of it: max(the floor, 3 × the run's per-second scatter). */
  readonly band: number;
}

/** How long a cell's runs took to reach a steady rate (see {@link warmupOf}). */
export interface CellWarmup {
  /** The discarded warm-up the runs had before their measured window, ms (0 for a warm-up study). */
  readonly warmupMs: number;
  /** The band's floor, a fraction of each run's final level (each run's own band is in `runs`). */
  readonly band: number;
  readonly noiseMultiplier: number;
  readonly smoothSeconds: number;
  readonly runs: readonly RunWarmup[];
  /** The slowest run's settling second; null when some run did not settle (measure longer runs). */
  readonly settledAtSecond: number | null;
}

/**
 * How long a cell needs to warm up, from the per-second rates of its runs (`runs[].timeline`):
 * for each run with a traffic timeline, `settlingTime` of its rates — the first second from which
 * the {@link WARMUP_SMOOTH_SECONDS}-s moving median never again falls below the run's final level
 * minus max({@link WARMUP_BAND}, {@link WARMUP_NOISE_MULTIPLIER} × its per-second scatter); the
 * cell's figure is its slowest run, because every run restarts the server cold. Measured with no
 * warm-up (`LAB_WARMUP_MS=0`) it is the warm-up the cell needs; otherwise it is what is left
 * after the plan's. null when no run has a traffic timeline (wrk, files written before
 * timelines) or every run's rate ends at 0.
 */
export function warmupOf(result: ResultFile, options: { band?: number; smoothSeconds?: number } = {}): CellWarmup | null {
  const band = options.band ?? WARMUP_BAND;
  const smoothSeconds = options.smoothSeconds ?? WARMUP_SMOOTH_SECONDS;
  const noiseMultiplier = WARMUP_NOISE_MULTIPLIER;
  const runs: RunWarmup[] = [];
  for (const run of result.runs) {
    const rates = run.timeline?.requests;
    if (!rates || rates.length === 0) continue;
    try {
      const s = settlingTime(rates, { minBand: band, noiseMultiplier, smoothSeconds });
      runs.push({
        run: run.index,
        seconds: rates.length,
        outcome: s.outcome,
        settledAtSecond: s.settledAtSecond,
        finalRatePerSec: s.finalLevel,
        band: s.band,
      });
    } catch (error) {
      // A run whose rate ends at 0 has no relative band: it says nothing about warming up.
      if (!(error instanceof StatsError && error.code === 'LAB_STATS_ZERO_DENOMINATOR')) throw error;
    }
  }
  if (runs.length === 0) return null;
  const settled = runs.map((r) => r.settledAtSecond);
  return {
    warmupMs: result.plan.warmupMs,
    band,
    noiseMultiplier,
    smoothSeconds,
    runs,
    settledAtSecond: settled.includes(null) ? null : Math.max(...(settled as number[])),
  };
}
