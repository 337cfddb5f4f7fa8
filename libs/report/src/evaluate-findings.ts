import { MIN_RUNS_FOR_CI, runInterval } from '@lab/stats';
import type { CellSummary, HypothesisSpec, ReportModel, ScenarioInfo } from './report-model';

/** Verdict of a hypothesis: `measured` when it declares no expected ratio (the effect only). */
export type FindingVerdict = 'supported' | 'rejected' | 'inconclusive' | 'measured';

/** The effect of one hypothesis in one cell. */
export interface FindingCell {
  readonly key: string;
  readonly label: string;
  readonly profile: string;
  readonly hostId: string;
  /** Runs where both groups were measured. */
  readonly runs: number;
  /** Geometric mean over runs of metric(a) ÷ metric(b) within the same run, with its 95 % CI; null below 3 runs. */
  readonly ratio: { estimate: number; low: number; high: number } | null;
  readonly verdict: FindingVerdict;
  /** False for cells that failed validity: listed, but not part of the overall verdict. */
  readonly counted: boolean;
  readonly note: string | null;
}

/** One hypothesis across the cells of its scenario. */
export interface Finding {
  readonly scenario: string;
  readonly scenarioTitle: string | null;
  readonly hypothesis: HypothesisSpec;
  readonly cells: readonly FindingCell[];
  readonly verdict: FindingVerdict;
  readonly why: string;
}

/** The verdict rule, in words, for DISCOVERIES.md. */
export const FINDING_RULE =
  'Per cell, the effect is the geometric mean over runs of metric(a) ÷ metric(b) measured in the same run (paired, so host drift cancels), ' +
  "with a 95 % confidence interval from Student's t on the logarithms of those ratios (at least 3 runs; fewer are inconclusive). " +
  'Against the declared "at least k×": supported when the whole CI lies at or above k, rejected when it lies below k, inconclusive when it straddles k. ' +
  'Overall: supported (or rejected) when every valid cell agrees, otherwise inconclusive. Invalid, ungated and quick-preset cells are listed, never counted.';

function metricOf(
  h: HypothesisSpec,
  g: { ratePerSec: number; p50: number | null; p90: number | null; p95: number | null; p99: number | null; mean: number | null },
): number | null {
  return h.metric === 'ratePerSec' ? g.ratePerSec : g[h.metric];
}

function evaluateCell(h: HypothesisSpec, cell: CellSummary): FindingCell {
  const countable = cell.verdict === 'valid' && cell.gated === true && cell.preset !== null && cell.preset !== 'quick';
  const base = { key: cell.key, label: cell.label, profile: cell.profile, hostId: cell.hostId, counted: countable };
  const a = cell.groupRuns[h.compare.a];
  const b = cell.groupRuns[h.compare.b];
  const missing = [!a ? h.compare.a : null, !b ? h.compare.b : null].filter((g) => g !== null);
  if (missing.length > 0) {
    return { ...base, runs: 0, ratio: null, verdict: 'inconclusive', counted: false, note: `group not measured: ${missing.join(', ')}` };
  }
  const ratios: number[] = [];
  a!.forEach((ga, i) => {
    const gb = b![i];
    const x = ga ? metricOf(h, ga) : null;
    const y = gb ? metricOf(h, gb) : null;
    if (x !== null && y !== null && x > 0 && y > 0) ratios.push(x / y);
  });
  const invalidNote =
    cell.verdict !== 'valid' ? `not counted: ${cell.verdict}` : countable ? null : `not counted: ${cell.gated !== true ? 'not gated' : 'indicative preset'}`;
  if (ratios.length < MIN_RUNS_FOR_CI) {
    return { ...base, runs: ratios.length, ratio: null, verdict: 'inconclusive', note: invalidNote ?? `fewer than ${MIN_RUNS_FOR_CI} runs with both groups` };
  }
  const ci = runInterval(ratios);
  const ratio = { estimate: ci.estimate, low: ci.low, high: ci.high };
  const k = h.expectRatioAtLeast;
  const verdict: FindingVerdict = k === undefined ? 'measured' : ci.low >= k ? 'supported' : ci.high < k ? 'rejected' : 'inconclusive';
  return { ...base, runs: ratios.length, ratio, verdict, note: invalidNote };
}

function overall(h: HypothesisSpec, cells: readonly FindingCell[]): { verdict: FindingVerdict; why: string } {
  const counted = cells.filter((c) => c.counted && c.ratio !== null);
  if (counted.length === 0) return { verdict: 'inconclusive', why: `no valid cell measured both groups in ${MIN_RUNS_FOR_CI} or more runs` };
  if (h.expectRatioAtLeast === undefined) return { verdict: 'measured', why: 'no expected ratio declared: the effect is reported, not judged' };
  const verdicts = new Set(counted.map((c) => c.verdict));
  if (verdicts.size === 1 && (verdicts.has('supported') || verdicts.has('rejected'))) {
    const v = [...verdicts][0]!;
    return { verdict: v, why: `${v} in all ${counted.length} valid cell${counted.length === 1 ? '' : 's'}` };
  }
  const count = (v: FindingVerdict) => counted.filter((c) => c.verdict === v).length;
  return {
    verdict: 'inconclusive',
    why: `supported in ${count('supported')}, rejected in ${count('rejected')}, inconclusive in ${count('inconclusive')} of ${counted.length} valid cells`,
  };
}

/**
 * Evaluates every hypothesis the scenarios declare against the model's cells of that scenario
 * (all profiles and hosts; see {@link FINDING_RULE}). Scenarios without cells still yield their
 * findings, as inconclusive, so DISCOVERIES.md lists every open question.
 */
export function evaluateFindings(model: ReportModel, scenarios: readonly ScenarioInfo[] = model.scenarios): Finding[] {
  const findings: Finding[] = [];
  for (const s of [...scenarios].sort((x, y) => x.id.localeCompare(y.id))) {
    for (const h of s.hypotheses ?? []) {
      const cells = model.cells.filter((c) => c.scenario === s.id).map((c) => evaluateCell(h, c));
      findings.push({ scenario: s.id, scenarioTitle: s.title ?? null, hypothesis: h, cells, ...overall(h, cells) });
    }
  }
  return findings;
}
