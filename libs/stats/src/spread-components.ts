import { assertSample } from './assert-sample';
import { StatsError } from './errors';
import { mean } from './mean';
import { variance } from './variance';

/** Outcome of {@link spreadComponents}; every spread is a standard deviation of log run figures (≈ a CV). */
export interface SpreadComponents {
  /** Rounds (pairs of twin runs) the estimate rests on. */
  readonly rounds: number;
  /** The spread of one cell's runs: √(mean of the two twins' variances). */
  readonly total: number;
  /**
   * The part every run has on its own (server start, memory layout, a fresh database, the run's
   * own noise): √(var(ln a − ln b) / 2). It does not cancel between cells measured in the same round.
   */
  readonly perRun: number;
  /**
   * The part both runs of a round share (the host's speed drifting: steal, frequency, neighbours):
   * √max(0, var of the round means − perRun² / 2). It cancels in a ratio of interleaved runs.
   */
  readonly common: number;
  /** common² / (common² + perRun²): the share of the variance that interleaving cancels, in [0, 1]. */
  readonly commonShare: number;
  /** Least-squares slope of the round means per round (log units, ≈ a fraction per round): a steady drift. */
  readonly driftPerRound: number;
}

/**
 * Splits the run-to-run spread of one cell into what each run has on its own and what the runs
 * of one round share, from a twin design: the same cell measured twice, its runs interleaved
 * (A A′ A A′ …), so run i of `a` and of `b` are neighbours in time. With
 * ln a_i = μ + c_i + e_i and ln b_i = μ + c_i + e′_i (c the round's common part, e and e′
 * independent per-run parts), var(ln a − ln b) = 2σ²_e and var of the round means
 * = σ²_c + σ²_e / 2; the method-of-moments estimates follow (a one-way random-effects
 * decomposition, e.g. Searle, Casella & McCulloch 1992, "Variance Components", ch. 3).
 * Needs at least 3 rounds with positive values.
 */
export function spreadComponents(a: readonly number[], b: readonly number[]): SpreadComponents {
  assertSample(a, 'spread components (first twin)', 3);
  assertSample(b, 'spread components (second twin)', 3);
  if (a.length !== b.length)
    throw new StatsError('LAB_STATS_INVALID_OPTION', `spread components: ${a.length} runs against ${b.length}; twins need the same number of rounds`);
  if ([...a, ...b].some((x) => !(x > 0))) throw new StatsError('LAB_STATS_INVALID_OPTION', 'spread components: values must be positive');
  const la = a.map(Math.log);
  const lb = b.map(Math.log);
  const perRunVar = variance(la.map((x, i) => x - lb[i]!)) / 2;
  const means = la.map((x, i) => (x + lb[i]!) / 2);
  const commonVar = Math.max(0, variance(means) - perRunVar / 2);
  const total = Math.sqrt((variance(la) + variance(lb)) / 2);
  const parts = commonVar + perRunVar;
  return {
    rounds: a.length,
    total,
    perRun: Math.sqrt(perRunVar),
    common: Math.sqrt(commonVar),
    commonShare: parts === 0 ? 0 : commonVar / parts,
    driftPerRound: slope(means),
  };
}

/** Least-squares slope of `ys` against 0, 1, 2, … */
function slope(ys: readonly number[]): number {
  const xMean = (ys.length - 1) / 2;
  const yMean = mean(ys);
  let sxy = 0;
  let sxx = 0;
  ys.forEach((y, x) => {
    sxy += (x - xMean) * (y - yMean);
    sxx += (x - xMean) ** 2;
  });
  return sxy / sxx;
}
