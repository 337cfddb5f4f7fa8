import { comparePairedRuns, compareRuns, holmAdjust, MIN_RUNS_FOR_CI, type RunComparison } from '@lab/stats';
import type { CellSummary, Standing } from './report-model';

/** Seed of anything random in the report (kept for exporters that sample), so the same results always give the same document. */
export const REPORT_SEED = 1;

/** Family-wise error rate of one table's pairwise comparisons. */
export const ALPHA = 0.05;

/** The interval rule, as the report's legend states it. */
export const CI_RULE =
  "req/s is the geometric mean of a cell's run rates with a 95 % confidence interval from Student's t on the logarithms of those rates " +
  '(3 runs or more); 2 runs show their range, labelled as a range and never as a CI.';

/** The comparison rule, as the report's legend states it. */
export const TIE_RULE =
  "Two cells are called different only when Welch's t-test on the logarithms of their run rates (a paired t-test on the per-round rate ratios when they were measured interleaved, round by round) gives p < 0.05 after Holm's correction over every pair in the table; " +
  'otherwise they are tied (≈), and rank = 1 + the number of cells significantly faster. ' +
  'Only valid, gated cells with at least 3 runs are ranked, and only against cells of the same scenario, load (concurrency or rate), profile, host class, driver and preset; ' +
  "an implementation's variants are ranked against each other in its variant table. " +
  "A generator-bound cell (the load generator, not the server, was the limit) is never ranked: its rate is only a lower bound of the server's; when even that bound is significantly above every ranked cell of its table, the report says so (≥).";

/**
 * The test of two cells' run rates: paired (`comparePairedRuns`, per-round ratios, so a drift of
 * the host cancels) when both were measured in the same interleaved block with as many runs
 * (extras `interleaveBlock`: run i of each in round i), else Welch's (`compareRuns`).
 */
export function compareCells(a: CellSummary, b: CellSummary): RunComparison {
  const block = a.extras['interleaveBlock'];
  const paired = typeof block === 'string' && block === b.extras['interleaveBlock'] && a.runRatesPerSec.length === b.runRatesPerSec.length;
  return (paired ? comparePairedRuns : compareRuns)(a.runRatesPerSec, b.runRatesPerSec);
}

/** Whether a is significantly faster (1), slower (-1) or tied (0) with b, given their comparison and its Holm-adjusted p-value. */
function outcome(comparison: RunComparison, adjustedP: number): 1 | -1 | 0 {
  if (adjustedP >= ALPHA) return 0;
  return comparison.ratio > 1 ? 1 : -1;
}

/** The comparison group of a cell: scenario, its load's shape, profile, host class (CPU model × cores), driver and preset. */
export function comparisonKey(c: CellSummary): string {
  return [c.scenario, c.loadShape, c.profile, c.hostClass, c.driver, c.preset ?? 'unknown preset'].join('|');
}

/** Why a cell cannot be ranked, or null when it can. */
export function unrankableBecause(cell: CellSummary): string | null {
  if (cell.verdict !== 'valid') return `${cell.verdict}: ${cell.reasons.join('; ')}`;
  return unmeasuredBecause(cell);
}

/** Why a cell's runs cannot be compared at all (gate, preset, run count), whatever its verdict; null when they can. */
function unmeasuredBecause(cell: CellSummary): string | null {
  if (cell.gated === null) return 'the gate was not recorded (a schema-1 result): listed, never ranked';
  if (!cell.gated) return 'measured with --skip-gate (not checked against the contract): listed, never ranked';
  if (cell.preset === null) return 'the preset was not recorded (a schema-1 result): listed, never ranked';
  if (cell.preset === 'quick') return 'quick preset: indicative, not ranked';
  if (!cell.ratePerSec || cell.runs < MIN_RUNS_FOR_CI)
    return `${cell.runs} run${cell.runs === 1 ? '' : 's'}: indicative, not ranked (ranking needs ${MIN_RUNS_FOR_CI})`;
  if (cell.runRatesPerSec.some((r) => !(r > 0))) return 'a run completed no requests';
  return null;
}

/**
 * A generator-bound cell whose runs are otherwise comparable (gated, standard preset, enough runs):
 * its rates are lower bounds of the server's (the generator capped them; errors, failed checks
 * and crashes take precedence over generator-bound, so none of those inflated them).
 */
function isLowerBound(cell: CellSummary): boolean {
  return cell.verdict === 'generator-bound' && unmeasuredBecause(cell) === null;
}

/**
 * Ranks one table's cells with {@link TIE_RULE}: every pair of rankable cells is compared with
 * {@link compareCells} (Welch's t-test on log run rates, or paired for interleaved cells), the p-values are Holm-adjusted over the table, and rank =
 * 1 + the number of cells significantly faster (tied cells can share a rank).
 *
 * A generator-bound cell is never ranked, but its rates are lower bounds: when they are
 * significantly above every ranked cell's ({@link aboveEveryRanked}), its true rate is too, and
 * its standing says so (`aboveRanked`), so a report can name the fastest server without ranking a
 * figure the server did not produce.
 */
export function rankTable(cells: readonly CellSummary[]): Map<string, Standing> {
  const standings = new Map<string, Standing>();
  const rankable: CellSummary[] = [];
  for (const c of cells) {
    const because = unrankableBecause(c);
    if (because === null) rankable.push(c);
    else standings.set(c.key, { rank: null, tiedWith: [], unrankedBecause: because });
  }
  const pairs: [CellSummary, CellSummary][] = [];
  rankable.forEach((a, i) => {
    for (const b of rankable.slice(i + 1)) pairs.push([a, b]);
  });
  const comparisons = pairs.map(([a, b]) => compareCells(a, b));
  const adjusted = holmAdjust(comparisons.map((c) => c.pValue));
  const fasterCount = new Map<string, number>(rankable.map((c) => [c.key, 0]));
  const ties = new Map<string, string[]>(rankable.map((c) => [c.key, []]));
  pairs.forEach(([a, b], i) => {
    const o = outcome(comparisons[i]!, adjusted[i]!);
    if (o === 1) fasterCount.set(b.key, fasterCount.get(b.key)! + 1);
    else if (o === -1) fasterCount.set(a.key, fasterCount.get(a.key)! + 1);
    else {
      ties.get(a.key)!.push(b.label);
      ties.get(b.key)!.push(a.label);
    }
  });
  for (const c of rankable) {
    standings.set(c.key, { rank: 1 + fasterCount.get(c.key)!, tiedWith: ties.get(c.key)!.sort(), unrankedBecause: null });
  }
  for (const b of aboveEveryRanked(cells.filter(isLowerBound), rankable)) {
    const held = standings.get(b.key)!;
    standings.set(b.key, {
      ...held,
      unrankedBecause: `${held.unrankedBecause}; even so, this lower bound is significantly above every ranked cell`,
      aboveRanked: true,
    });
  }
  return standings;
}

/**
 * The lower-bound cells significantly faster than every ranked cell: each against each, Holm
 * over those comparisons (a family of their own, so they never change the ranked cells' ties).
 */
function aboveEveryRanked(bounds: readonly CellSummary[], rankable: readonly CellSummary[]): CellSummary[] {
  if (rankable.length === 0) return [];
  const pairs = bounds.flatMap((b) => rankable.map((a) => ({ b, comparison: compareCells(b, a) })));
  const adjusted = holmAdjust(pairs.map((p) => p.comparison.pValue));
  return bounds.filter((b) => pairs.every((p, i) => p.b !== b || outcome(p.comparison, adjusted[i]!) === 1));
}

const AS_VARIANT = 'a variant: ranked against its implementation’s other variants in the variant table';

/**
 * Ranks cells within each comparison group ({@link comparisonKey}: same scenario, profile, host
 * class, driver and preset). The main table holds each implementation's default configuration;
 * every implementation measured in more than one variant also gets a variant table, where its
 * variants (the default included) are ranked against each other. Cells that cannot be ranked
 * are listed with the reason ({@link unrankableBecause}). Returns new summaries with `standing`
 * (main table; variants are unranked there) and `variantStanding` (variant table, or null).
 */
export function rankCells(cells: readonly CellSummary[]): CellSummary[] {
  const groups = new Map<string, CellSummary[]>();
  for (const c of cells) groups.set(comparisonKey(c), [...(groups.get(comparisonKey(c)) ?? []), c]);
  const main = new Map<string, Standing>();
  const variants = new Map<string, Standing>();
  for (const group of groups.values()) {
    for (const [key, standing] of rankTable(group.filter((c) => c.variant === 'default'))) main.set(key, standing);
    const byImplementation = new Map<string, CellSummary[]>();
    for (const c of group) byImplementation.set(c.implementation, [...(byImplementation.get(c.implementation) ?? []), c]);
    for (const family of byImplementation.values()) {
      if (family.length < 2) continue;
      for (const [key, standing] of rankTable(family)) variants.set(key, standing);
    }
  }
  return cells.map((c) => ({
    ...c,
    standing: main.get(c.key) ?? { rank: null, tiedWith: [], unrankedBecause: unrankableBecause(c) ?? AS_VARIANT },
    variantStanding: variants.get(c.key) ?? null,
  }));
}
