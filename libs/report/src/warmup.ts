import type { ResultFile } from '@lab/results';
import { settlingTime, StatsError } from '@lab/stats';

/** The band a run's rate must stay within to count as steady: ±2 % of its final level. */
export const WARMUP_BAND = 0.02;

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
  /**
   * Seconds into the measured window (that is, after the plan's discarded warm-up) from which
   * the rate stays within the band of its final level; null when it is not steady by the end.
   */
  readonly settledAtSecond: number | null;
  /** The final level: the median rate of the last quarter of the run (at least 3 s), req/s. */
  readonly finalRatePerSec: number;
}

/** How long a cell's runs took to reach a steady rate (see {@link warmupOf}). */
export interface CellWarmup {
  /** The discarded warm-up the runs had before their measured window, ms (0 for a warm-up study). */
  readonly warmupMs: number;
  readonly band: number;
  readonly smoothSeconds: number;
  readonly runs: readonly RunWarmup[];
  /** The slowest run's settling second; null when some run never settled (measure longer runs). */
  readonly settledAtSecond: number | null;
}

/**
 * How long a cell needs to warm up, from the per-second rates of its runs (`runs[].timeline`):
 * for each run with a traffic timeline, `settlingTime` of its rates (±{@link WARMUP_BAND} of the
 * final level after a {@link WARMUP_SMOOTH_SECONDS}-s moving median); the cell's figure is its
 * slowest run, because every run restarts the server cold. Measured with no warm-up
 * (`LAB_WARMUP_MS=0`) it is the warm-up the cell needs; otherwise it is what is left after the
 * plan's. null when no run has a traffic timeline (wrk, files written before timelines) or
 * every run's rate ends at 0.
 */
export function warmupOf(result: ResultFile, options: { band?: number; smoothSeconds?: number } = {}): CellWarmup | null {
  const band = options.band ?? WARMUP_BAND;
  const smoothSeconds = options.smoothSeconds ?? WARMUP_SMOOTH_SECONDS;
  const runs: RunWarmup[] = [];
  for (const run of result.runs) {
    const rates = run.timeline?.requests;
    if (!rates || rates.length === 0) continue;
    try {
      const s = settlingTime(rates, { band, smoothSeconds });
      runs.push({ run: run.index, seconds: rates.length, settledAtSecond: s.settledAtSecond, finalRatePerSec: s.finalLevel });
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
    smoothSeconds,
    runs,
    settledAtSecond: settled.includes(null) ? null : Math.max(...(settled as number[])),
  };
}
