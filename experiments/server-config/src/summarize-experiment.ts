/**
 * The experiment's results as one JSON-ready value: coverage (per round), the points still
 * missing, the hypotheses' verdicts, the recommendations and one row per measured point. The
 * deployment guide and the dashboard page are both rendered from it.
 */
import { runInterval, type RunInterval } from '@lab/stats';
import type { ExperimentDefinition } from './definition';
import { judgeHypotheses, type HypothesisVerdict } from './judge-hypotheses';
import type { CapacityBound, PointOutcome, SweepRange } from './point-outcome';
import { recommend, REFERENCE_VUS } from './recommend';

/** One measured point, flattened. `vus` null for a capacity point. */
export interface PointRow {
  id: string;
  stack: string;
  model: string;
  workers: number;
  scenario: string;
  kind: 'io' | 'cpu' | 'mixed';
  cpus: number;
  vus: number | null;
  /** The rounds that hold the point. */
  rounds: string[];
  verdict: string | null;
  /** The verdict the result file records, when the guide reads the point differently (`too-short`). */
  recordedVerdict: string | null;
  preset: string | null;
  rate: RunInterval | null;
  p99Us: number | null;
  serverProcesses: number | null;
  rssPerProcessBytes: number | null;
  serverPeakRssBytes: number | null;
  capacity: RunInterval | null;
  capacitiesPerSec: number[];
  /** The capacity is a lower bound (see PointOutcome). */
  capacityCapped: boolean;
  /** Why: the top of the sweep, a generator stall, or the sweep's own in-flight limit (see PointOutcome). */
  capacityBound: CapacityBound | null;
  /** The sweep's first and top rates and its step, requests per second, as measured (capacity points; null for closed loops; see PointOutcome). */
  sweepRangePerSec: SweepRange | null;
  /** The generator that measured the point (`native`, `loadgen`, `wrk`; see PointOutcome). */
  driver: string | null;
  /** Closed loops: the server's mean busy cores over its runs (see PointOutcome); null for a sweep or without a timeline. */
  serverCpuCores: number | null;
  /** Runs that lost a server process mid-run, of all its runs (see PointOutcome). */
  processLostRuns: [number, number] | null;
}

/** One recommendation, flattened: the chosen model's label and figure, the runner-up and their ratio. */
export interface RecommendationRow {
  scenario: string;
  kind: 'io' | 'cpu' | 'mixed';
  cpus: number;
  stack: string;
  basis: 'capacity' | 'closed-loop' | null;
  /** The concurrency of a closed-loop basis (see recommend.ts's `referenceVusOf`); null otherwise. */
  vus: number | null;
  choice: string | null;
  /** The chosen model's capacity or req/s across runs. */
  figure: RunInterval | null;
  rssPerProcessBytes: number | null;
  runnerUp: string | null;
  ratio: { estimate: number; low: number; high: number } | null;
  tie: boolean;
  /** The choice's capacity is a lower bound (top of its sweep, a generator stall, the sweep's in-flight limit): so is {@link figure}. */
  figureCapped: boolean;
  /** Why the figure is a lower bound (see PointOutcome's `capacityBound`). */
  figureBound: CapacityBound | null;
  /** The runner-up's capacity is a lower bound: the two cannot be told apart (counted as tied). */
  capped: boolean;
  pending: number;
}

/** Everything the guide and the dashboard page show. */
export interface ExperimentSummary {
  version: 1;
  id: string;
  title: string;
  question: string;
  sloP99Ms: number;
  margin: number;
  confidence: number;
  referenceVus: number;
  hostCores: number;
  /** The host class (CPU model × cores) that measured the points; classes are listed with ` + ` if a folder mixes them; null: nothing measured. */
  hostClass: string | null;
  coverage: {
    total: number;
    measured: number;
    valid: number;
    /** Points this host cannot measure (their budget needs more cores). */
    skippedForHost: number;
    rounds: Array<{ id: string; description: string; total: number; measured: number; valid: number }>;
  };
  /** Ids of points with no result file (or an unreadable one) that this host can measure. */
  missing: string[];
  /** Ids of points whose CPU budget needs more cores than this host has. */
  skipped: string[];
  hypotheses: HypothesisVerdict[];
  recommendations: RecommendationRow[];
  points: PointRow[];
}

/** Builds the summary from the definition and the points' outcomes; `hostCores` decides which points are skipped. */
export function summarizeExperiment(definition: ExperimentDefinition, outcomes: readonly PointOutcome[], hostCores: number): ExperimentSummary {
  const measured = outcomes.filter((o) => o.status === 'measured');
  const valid = measured.filter((o) => o.verdict === 'valid');
  const skipped = outcomes.filter((o) => o.point.minCores > hostCores && o.status !== 'measured');
  const count = (xs: readonly PointOutcome[], round: string) => xs.filter((o) => o.point.rounds.includes(round)).length;
  return {
    version: 1,
    id: definition.id,
    title: definition.title,
    question: definition.question,
    sloP99Ms: definition.slo.p99Ms,
    margin: definition.margin,
    confidence: definition.confidence,
    referenceVus: REFERENCE_VUS,
    hostCores,
    hostClass: [...new Set(measured.flatMap((o) => (o.hostClass === null ? [] : [o.hostClass])))].sort().join(' + ') || null,
    coverage: {
      total: outcomes.length,
      measured: measured.length,
      valid: valid.length,
      skippedForHost: skipped.length,
      rounds: definition.rounds.map((r) => ({
        id: r.id,
        description: r.description,
        total: count(outcomes, r.id),
        measured: count(measured, r.id),
        valid: count(valid, r.id),
      })),
    },
    missing: outcomes.filter((o) => o.status !== 'measured' && o.point.minCores <= hostCores).map((o) => o.point.id),
    skipped: skipped.map((o) => o.point.id),
    hypotheses: judgeHypotheses(definition, outcomes),
    recommendations: recommend(definition, outcomes).map((r) => {
      const figureBound = r.basis === 'capacity' ? (r.choice?.capacityBound ?? null) : null;
      return {
        scenario: r.scenario,
        kind: r.kind,
        cpus: r.cpus,
        stack: r.stack,
        basis: r.basis,
        vus: r.vus,
        choice: r.choice?.point.model.label ?? null,
        figure: r.choice ? (r.basis === 'capacity' ? r.choice.capacity : r.choice.rate) : null,
        rssPerProcessBytes: r.choice?.rssPerProcessBytes ?? null,
        runnerUp: r.runnerUp?.point.model.label ?? null,
        ratio: r.ratio,
        tie: r.tie,
        figureCapped: figureBound !== null,
        figureBound,
        capped: r.capped,
        pending: r.pending,
      };
    }),
    points: measured.map(pointRow),
  };
}

function pointRow(o: PointOutcome): PointRow {
  const { point } = o;
  return {
    id: point.id,
    stack: point.impl,
    model: point.model.label,
    workers: point.model.workers,
    scenario: point.scenario,
    kind: point.kind,
    cpus: point.cpus,
    vus: 'vus' in point.load ? point.load.vus : null,
    rounds: point.rounds,
    verdict: o.verdict,
    recordedVerdict: o.recordedVerdict,
    preset: o.preset,
    rate: o.rate,
    p99Us: o.p99Us,
    serverProcesses: o.serverProcesses,
    rssPerProcessBytes: o.rssPerProcessBytes,
    serverPeakRssBytes: o.serverPeakRssBytes,
    capacity: o.capacity ?? (o.capacitiesPerSec.length > 0 ? rangeOf(o.capacitiesPerSec) : null),
    capacitiesPerSec: o.capacitiesPerSec,
    capacityCapped: o.capacityCapped,
    capacityBound: o.capacityBound,
    sweepRangePerSec: o.sweep,
    driver: o.driver,
    serverCpuCores: o.serverCpuCores,
    processLostRuns: o.processLostRuns,
  };
}

/**
 * A point's validity with its notes: a preset other than standard, the verdict its file records
 * when the guide reads it differently, and the runs that lost a server process mid-run.
 */
export function validityText(p: PointRow): string {
  const lost = p.processLostRuns;
  const notes = [
    p.preset && p.preset !== 'standard' ? p.preset : null,
    p.recordedVerdict && p.recordedVerdict !== p.verdict ? `file: ${p.recordedVerdict}` : null,
    lost && lost[0] > 0 ? `a server process lost in ${lost[0]} of ${lost[1]} runs` : null,
  ];
  const said = notes.filter((n) => n !== null);
  return `${p.verdict ?? '–'}${said.length > 0 ? ` (${said.join('; ')})` : ''}`;
}

/** A point's load as text: `50 VUs`, or `sweep (loadgen)` with the generator that measured it, since a guide may mix generators while a workload's are re-measured. */
export function loadText(p: PointRow): string {
  if (p.vus !== null) return `${p.vus} VUs`;
  return p.driver ? `sweep (${p.driver})` : 'sweep';
}

/**
 * A point's capacity as text, its interval written by `format`: `≥ …` when it is a lower bound (some
 * run met the SLO at every step, or the generator's stall or in-flight limit could have failed the next step),
 * `< first rate` when every run broke it at the first step, `–` for a closed loop.
 */
export function capacityText(p: PointRow, format: (interval: RunInterval) => string): string {
  if (!p.capacity || !p.sweepRangePerSec) return '–';
  if (belowFirstStep(p)) return `< ${p.sweepRangePerSec.first}`;
  return lowerBoundText(format(p.capacity), p.capacityBound);
}

/** A capacity written as a lower bound when it is one: `≥ …`, and `(generator-bound)` when the generator (its stall, its in-flight limit) made it so. */
function lowerBoundText(text: string, bound: CapacityBound | null): string {
  if (bound === null) return text;
  return `≥ ${text}${bound === 'sweep-top' ? '' : ' (generator-bound)'}`;
}

/** Whether every run of a capacity point broke the SLO at its sweep's first step. */
export function belowFirstStep(p: PointRow): boolean {
  return p.sweepRangePerSec !== null && p.capacitiesPerSec.every((c) => c === 0);
}

/** What a recommendation ranks on: `capacity`, `closed-loop, <n> VUs`, or `–` when nothing was measured. */
export function basisText(r: RecommendationRow): string {
  if (r.basis === 'closed-loop') return `closed-loop, ${r.vus} VUs`;
  return r.basis ?? '–';
}

/** A recommendation's figure as text, its interval written by `format`; `≥ …` when it is a lower bound. */
export function figureText(r: RecommendationRow, format: (interval: RunInterval) => string): string {
  return r.figure ? lowerBoundText(format(r.figure), r.figureBound) : '–';
}

/** How the choice compares with the runner-up, the ratio written by `format`. */
export function versusText(r: RecommendationRow, format: (ratio: { estimate: number; low: number; high: number }) => string): string {
  if (!r.runnerUp) return '–';
  if (r.capped) return `not ranked: a lower bound (≥) vs ${r.runnerUp}`;
  return r.ratio ? `${format(r.ratio)} vs ${r.runnerUp}` : '–';
}

/** Capacities with a zero (a run whose first step broke the SLO): no log interval, the median-free range instead. */
function rangeOf(values: readonly number[]): RunInterval {
  const positive = values.filter((v) => v > 0);
  if (positive.length === values.length) return runInterval(values);
  const low = Math.min(...values);
  const high = Math.max(...values);
  return values.length === 1 ? { kind: 'none', estimate: low, low, high, n: 1 } : { kind: 'range', estimate: (low + high) / 2, low, high, n: 2 };
}
