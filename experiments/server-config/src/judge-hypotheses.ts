/**
 * Judges H1–H3 from the points' closed-loop runs. Each hypothesis becomes a set of paired
 * comparisons (same stack, workload, CPU budget and VUs; two process models), each the ratio of
 * geometric means of the run rates with a Welch interval on the log rates (`compareRuns`,
 * Welch 1947). The intervals of one hypothesis are simultaneous: each at 1 − α/k for its k
 * comparisons (Bonferroni), so the family's coverage is at least `confidence`.
 *
 * Each comparison is read against the definition's margin m (0.1 = 10 %):
 * - `equivalent` (H1): supported when the interval lies within [1 − m, 1 + m], rejected when it
 *   lies wholly outside, otherwise inconclusive (two one-sided tests read off the interval,
 *   Schuirmann 1987);
 * - `not-above` (H2): supported when its upper end is below 1 + m, rejected when its lower end is above;
 * - `above` (H3, fewer workers): supported when its lower end is above 1, rejected when its upper end is below;
 * - `not-below` (H3, more workers): supported when its lower end is above 1 − m, rejected when its upper end is below.
 * A hypothesis is rejected when any comparison is, supported when all are, untested without any.
 */
import { compareRuns } from '@lab/stats';
import type { ExperimentDefinition } from './definition';
import type { PointOutcome } from './point-outcome';

/** A verdict on one comparison or one hypothesis. */
export type Verdict = 'supported' | 'rejected' | 'inconclusive' | 'untested';
/** How a comparison's ratio is read (see the module comment). */
export type Test = 'equivalent' | 'not-above' | 'above' | 'not-below';

/** One paired comparison: `subject` / `reference`, the ratio of their geometric-mean req/s. */
export interface Comparison {
  stack: string;
  scenario: string;
  cpus: number;
  vus: number;
  subject: string;
  reference: string;
  test: Test;
  ratio: number;
  low: number;
  high: number;
  confidence: number;
  verdict: Exclude<Verdict, 'untested'>;
  /** Server RSS ratio subject / reference (peak of the tree), when both recorded it. */
  rssRatio: number | null;
}

/** A hypothesis with its verdict, the comparison that decides it and every comparison. */
export interface HypothesisVerdict {
  id: string;
  statement: string;
  verdict: Verdict;
  /** The deciding comparison: the strongest rejection, else the weakest support, else the first inconclusive one. */
  effect: Comparison | null;
  comparisons: Comparison[];
  /** Pairs the rule asks for that have no usable data yet (a point missing, invalid or with fewer than 2 runs). */
  pending: number;
  /**
   * Points of those pending pairs that were measured but are not valid, with their verdicts
   * (`unstable`, …), whether the server used its whole CPU budget throughout (`budgetSaturated`),
   * its CPU budget and its mean busy cores (`serverCpuCores`, null without a timeline).
   */
  invalidPoints: { id: string; verdict: string; budgetSaturated: boolean | null; cpus: number; serverCpuCores: number | null }[];
}

type Pair = { subject: PointOutcome; reference: PointOutcome; test: Test };

/** Judges every hypothesis of the definition from the outcomes (only `valid` points count). */
export function judgeHypotheses(definition: ExperimentDefinition, outcomes: readonly PointOutcome[]): HypothesisVerdict[] {
  return definition.hypotheses.map((h) => {
    const pairs = pairsFor(
      h.rule,
      outcomes.filter((o) => o.point.kind === h.workload && 'vus' in o.point.load),
    );
    const usable = pairs.filter((p) => usableRuns(p.subject) && usableRuns(p.reference));
    const confidence = 1 - (1 - definition.confidence) / Math.max(1, usable.length);
    const comparisons = usable.map((p) => compare(p, confidence, definition.margin));
    return {
      id: h.id,
      statement: h.statement,
      verdict: overall(comparisons),
      effect: deciding(comparisons, definition.margin),
      comparisons,
      pending: pairs.length - usable.length,
      invalidPoints: [...new Set(pairs.filter((p) => !usable.includes(p)).flatMap((p) => [p.subject, p.reference]))]
        .filter((o) => o.status === 'measured' && o.verdict !== 'valid')
        .map((o) => ({
          id: o.point.id,
          verdict: o.verdict ?? 'unknown',
          budgetSaturated: o.budgetSaturated,
          cpus: o.point.cpus,
          serverCpuCores: o.serverCpuCores,
        })),
    };
  });
}

const usableRuns = (o: PointOutcome) => o.status === 'measured' && o.verdict === 'valid' && o.ratesPerSec.length >= 2;

/** The pairs a rule compares, among points of the same stack, model family, scenario, budget and VUs. */
function pairsFor(rule: ExperimentDefinition['hypotheses'][number]['rule'], outcomes: readonly PointOutcome[]): Pair[] {
  const groups = new Map<string, PointOutcome[]>();
  for (const o of outcomes) {
    const { impl, scenario, cpus, load, model } = o.point;
    // One family only: a YJIT model against one without, or one adapter against another, measures more than the workers.
    const key = `${impl}|${model.family ?? ''}|${scenario}|${cpus}|${'vus' in load ? load.vus : 'capacity'}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const pairs: Pair[] = [];
  for (const group of groups.values()) {
    const cpus = group[0]!.point.cpus;
    const workers = (o: PointOutcome) => o.point.model.workers;
    if (rule === 'single-async-matches-multi') {
      for (const single of group.filter((o) => workers(o) === 1 && o.point.model.async))
        for (const multi of group.filter((o) => workers(o) > 1)) pairs.push({ subject: single, reference: multi, test: 'equivalent' });
    } else if (rule === 'over-budget-workers-add-nothing') {
      const enough = Math.max(1, cpus);
      const within = group.filter((o) => workers(o) <= enough);
      const best = Math.max(...within.map(workers));
      for (const reference of within.filter((o) => workers(o) === best))
        for (const over of group.filter((o) => workers(o) > enough)) pairs.push({ subject: over, reference, test: 'not-above' });
    } else if (cpus >= 1) {
      for (const matched of group.filter((o) => workers(o) === cpus))
        for (const other of group.filter((o) => workers(o) !== cpus))
          pairs.push({ subject: matched, reference: other, test: workers(other) < cpus ? 'above' : 'not-below' });
    }
  }
  return pairs;
}

function compare({ subject, reference, test }: Pair, confidence: number, margin: number): Comparison {
  const c = compareRuns(subject.ratesPerSec, reference.ratesPerSec, { confidence });
  const rss = subject.serverPeakRssBytes && reference.serverPeakRssBytes ? subject.serverPeakRssBytes / reference.serverPeakRssBytes : null;
  const load = subject.point.load;
  return {
    stack: subject.point.impl,
    scenario: subject.point.scenario,
    cpus: subject.point.cpus,
    vus: 'vus' in load ? load.vus : 0,
    subject: subject.point.model.label,
    reference: reference.point.model.label,
    test,
    ratio: c.ratio,
    low: c.low,
    high: c.high,
    confidence,
    verdict: readInterval(test, c.low, c.high, margin),
    rssRatio: rss,
  };
}

/** The verdict an interval [low, high] of a ratio gives under `test` with margin `margin`. */
export function readInterval(test: Test, low: number, high: number, margin: number): Comparison['verdict'] {
  const [supported, rejected] =
    test === 'equivalent'
      ? [low >= 1 - margin && high <= 1 + margin, high < 1 - margin || low > 1 + margin]
      : test === 'not-above'
        ? [high < 1 + margin, low > 1 + margin]
        : test === 'above'
          ? [low > 1, high < 1]
          : [low > 1 - margin, high < 1 - margin];
  return supported ? 'supported' : rejected ? 'rejected' : 'inconclusive';
}

function overall(comparisons: readonly Comparison[]): Verdict {
  if (comparisons.length === 0) return 'untested';
  if (comparisons.some((c) => c.verdict === 'rejected')) return 'rejected';
  return comparisons.every((c) => c.verdict === 'supported') ? 'supported' : 'inconclusive';
}

/** How far the interval lies past the boundary its test reads (positive: on the supporting side). */
function slack(c: Comparison, margin: number): number {
  switch (c.test) {
    case 'equivalent':
      return Math.min(Math.log(c.low) - Math.log(1 - margin), Math.log(1 + margin) - Math.log(c.high));
    case 'not-above':
      return Math.log(1 + margin) - Math.log(c.high);
    case 'above':
      return Math.log(c.low);
    case 'not-below':
      return Math.log(c.low) - Math.log(1 - margin);
  }
}

function deciding(comparisons: readonly Comparison[], margin: number): Comparison | null {
  const by = (v: Comparison['verdict']) => comparisons.filter((c) => c.verdict === v).sort((a, b) => slack(a, margin) - slack(b, margin));
  return by('rejected')[0] ?? by('inconclusive')[0] ?? by('supported')[0] ?? null;
}
