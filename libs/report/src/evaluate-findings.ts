import { compareRuns, MIN_RUNS_FOR_CI, runInterval } from '@lab/stats';
import type {
  CellSummary,
  CellsHypothesis,
  ExtrasHypothesis,
  GroupHypothesis,
  GroupRunFigures,
  HypothesisMetric,
  HypothesisSpec,
  ReportModel,
  ScenarioInfo,
} from './report-model';

/** Verdict of a hypothesis: `measured` when it declares no expected ratio (the effect only). */
export type FindingVerdict = 'supported' | 'rejected' | 'inconclusive' | 'measured';

/** The effect of one hypothesis in one cell (for `compareCells`, in cell a, against its partner). */
export interface FindingCell {
  readonly key: string;
  readonly label: string;
  readonly profile: string;
  readonly hostId: string;
  /** Runs behind the ratio: paired runs (groups), the smaller cell's runs (cells); 0 for extras. */
  readonly runs: number;
  /** The ratio with its 95 % CI (see {@link FINDING_RULE}); null below 3 runs and for extras. */
  readonly ratio: { estimate: number; low: number; high: number } | null;
  /** The named counters of an `extras` hypothesis, when all were recorded; else null. */
  readonly extras: Readonly<Record<string, number>> | null;
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
  'Two groups of one cell: the effect is the geometric mean over runs of metric(a) ÷ metric(b) measured in the same run (paired, so host drift cancels), ' +
  "with a 95 % confidence interval from Student's t on the logarithms of those ratios. " +
  "Two cells of one implementation (different scenarios, measured at different times): the ratio of the geometric means of metric over each cell's runs, with Welch's 95 % interval on the logarithms (drift between the cells widens it). " +
  'Either needs at least 3 runs; fewer are inconclusive. Against the declared "at least k×": supported when the whole CI lies at or above k, rejected when it lies below k, inconclusive when it straddles k. ' +
  'Counters (extras) are exact counts over the cell: supported when every named counter lies within the stated bounds, rejected when one does not. ' +
  'Overall: supported (or rejected) when every counted cell agrees, otherwise inconclusive. ' +
  'A cell counts when it is valid, gated and not of the quick preset, with one exception: an `unstable` cell (its rate drifted from run to run) counts for two groups of one cell and for counters, ' +
  'because the paired ratio and the exact counts do not depend on the level the rate drifted to, and the interval of the paired ratio carries whatever spread is left; ' +
  'it never counts for two cells, where drift between the cells would move the ratio. The other cells are listed, never counted.';

const metricOf = (metric: HypothesisMetric, g: GroupRunFigures | null | undefined): number | null =>
  g ? (metric === 'ratePerSec' ? g.ratePerSec : g[metric]) : null;

/**
 * Whether a cell's figures may decide a hypothesis, and if not, why (the note). `paired`: the
 * figures are within-run (two groups of the cell, or its counters), so an `unstable` cell counts
 * (see {@link FINDING_RULE}), with a note saying so.
 */
function countability(cell: CellSummary, paired: boolean): { counted: boolean; note: string | null } {
  const drifted = paired && cell.verdict === 'unstable';
  if (cell.verdict !== 'valid' && !drifted) return { counted: false, note: `not counted: ${cell.verdict}` };
  if (cell.gated !== true) return { counted: false, note: 'not counted: not gated' };
  if (cell.preset === null || cell.preset === 'quick') return { counted: false, note: 'not counted: indicative preset' };
  return { counted: true, note: drifted ? 'unstable cell: counted, paired within runs' : null };
}

/** Which cell a row of a finding is about. */
const identity = (cell: CellSummary) => ({ key: cell.key, label: cell.label, profile: cell.profile, hostId: cell.hostId });

/** A ratio's verdict against the expected "at least k×" (measured when none is declared). */
function ratioVerdict(k: number | undefined, ratio: { low: number; high: number }): FindingVerdict {
  return k === undefined ? 'measured' : ratio.low >= k ? 'supported' : ratio.high < k ? 'rejected' : 'inconclusive';
}

function evaluateGroups(h: GroupHypothesis, cell: CellSummary): FindingCell {
  const { counted, note } = countability(cell, true);
  const base = { ...identity(cell), extras: null, counted };
  const a = cell.groupRuns[h.compare.a];
  const b = cell.groupRuns[h.compare.b];
  const missing = [!a ? h.compare.a : null, !b ? h.compare.b : null].filter((g) => g !== null);
  if (missing.length > 0) {
    return { ...base, runs: 0, ratio: null, verdict: 'inconclusive', counted: false, note: `group not measured: ${missing.join(', ')}` };
  }
  const ratios: number[] = [];
  a!.forEach((ga, i) => {
    const x = metricOf(h.metric, ga);
    const y = metricOf(h.metric, b![i]);
    if (x !== null && y !== null && x > 0 && y > 0) ratios.push(x / y);
  });
  if (ratios.length < MIN_RUNS_FOR_CI) {
    return { ...base, runs: ratios.length, ratio: null, verdict: 'inconclusive', note: note ?? `fewer than ${MIN_RUNS_FOR_CI} runs with both groups` };
  }
  const ci = runInterval(ratios);
  const ratio = { estimate: ci.estimate, low: ci.low, high: ci.high };
  return { ...base, runs: ratios.length, ratio, verdict: ratioVerdict(h.expectRatioAtLeast, ratio), note };
}

/** Cell a (scenario a) against the same implementation's cell in scenario b, same variant, profile and host. */
function evaluateCells(h: CellsHypothesis, cell: CellSummary, all: readonly CellSummary[]): FindingCell {
  const { a, b } = h.compareCells;
  const partner = all.find(
    (c) =>
      c.scenario === b.scenario &&
      c.implementation === cell.implementation &&
      c.variant === cell.variant &&
      c.profile === cell.profile &&
      c.hostId === cell.hostId,
  );
  const own = countability(cell, false);
  const base = { ...identity(cell), extras: null };
  if (!partner) return { ...base, runs: 0, ratio: null, verdict: 'inconclusive', counted: false, note: `no ${b.scenario} cell to compare with` };
  const theirs = countability(partner, false);
  const counted = own.counted && theirs.counted;
  const note = own.note ?? (theirs.note ? `${b.scenario} cell ${theirs.note}` : null);
  const figures = (c: CellSummary, group: string) =>
    (c.groupRuns[group] ?? []).map((g) => metricOf(h.metric, g)).filter((x): x is number => x !== null && x > 0);
  const xs = figures(cell, a.group);
  const ys = figures(partner, b.group);
  const runs = Math.min(xs.length, ys.length);
  if (runs < MIN_RUNS_FOR_CI) {
    const why =
      xs.length === 0 || ys.length === 0 ? `group not measured: ${xs.length === 0 ? a.group : b.group}` : `fewer than ${MIN_RUNS_FOR_CI} runs in a cell`;
    return { ...base, runs, ratio: null, verdict: 'inconclusive', counted, note: note ?? why };
  }
  const c = compareRuns(xs, ys, { confidence: 0.95 });
  const ratio = { estimate: c.ratio, low: c.low, high: c.high };
  return { ...base, runs, ratio, verdict: ratioVerdict(h.expectRatioAtLeast, ratio), counted, note };
}

function evaluateExtras(h: ExtrasHypothesis, cell: CellSummary): FindingCell {
  const { counted, note } = countability(cell, true);
  const base = { ...identity(cell), runs: 0, ratio: null, counted };
  const values = Object.fromEntries(h.extras.map((name) => [name, cell.extras[name]]));
  const missing = h.extras.filter((name) => typeof values[name] !== 'number');
  if (missing.length > 0) return { ...base, extras: null, verdict: 'inconclusive', counted: false, note: `not recorded: ${missing.join(', ')}` };
  const numbers = values as Record<string, number>;
  const within = (v: number) => (h.expect.atLeast === undefined || v >= h.expect.atLeast) && (h.expect.atMost === undefined || v <= h.expect.atMost);
  return { ...base, extras: numbers, verdict: Object.values(numbers).every(within) ? 'supported' : 'rejected', note };
}

function overall(h: HypothesisSpec, cells: readonly FindingCell[]): { verdict: FindingVerdict; why: string } {
  const counted = cells.filter((c) => c.counted && (c.ratio !== null || c.extras !== null));
  if (counted.length === 0) {
    return {
      verdict: 'inconclusive',
      why: 'extras' in h ? 'no counted cell recorded the counters' : `no counted cell measured both groups in ${MIN_RUNS_FOR_CI} or more runs`,
    };
  }
  if (!('extras' in h) && h.expectRatioAtLeast === undefined)
    return { verdict: 'measured', why: 'no expected ratio declared: the effect is reported, not judged' };
  const verdicts = new Set(counted.map((c) => c.verdict));
  if (verdicts.size === 1 && (verdicts.has('supported') || verdicts.has('rejected'))) {
    const v = [...verdicts][0]!;
    return { verdict: v, why: `${v} in all ${counted.length} counted cell${counted.length === 1 ? '' : 's'}` };
  }
  const count = (v: FindingVerdict) => counted.filter((c) => c.verdict === v).length;
  return {
    verdict: 'inconclusive',
    why: `supported in ${count('supported')}, rejected in ${count('rejected')}, inconclusive in ${count('inconclusive')} of ${counted.length} counted cells`,
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
      const cells =
        'compareCells' in h
          ? model.cells.filter((c) => c.scenario === h.compareCells.a.scenario).map((c) => evaluateCells(h, c, model.cells))
          : model.cells.filter((c) => c.scenario === s.id).map((c) => ('extras' in h ? evaluateExtras(h, c) : evaluateGroups(h, c)));
      findings.push({ scenario: s.id, scenarioTitle: s.title ?? null, hypothesis: h, cells, ...overall(h, cells) });
    }
  }
  return findings;
}
