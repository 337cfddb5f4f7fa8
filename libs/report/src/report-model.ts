import type { PercentilesUs, Role, RunTimeline, Verdict } from '@lab/results';
import type { CellWarmup } from './warmup';

/** Which slice of the results a report shows; ranks and ties are always computed over all cells. */
export type ReportScope =
  | { readonly kind: 'workspace' }
  | { readonly kind: 'scenario'; readonly id: string }
  | { readonly kind: 'implementation'; readonly id: string };

/** Which figure of a group a hypothesis compares: its throughput, or a latency of its requests. */
export type HypothesisMetric = 'ratePerSec' | 'p50' | 'p90' | 'p95' | 'p99' | 'mean';

/**
 * Two groups of the same run (`defineScenario({ hypotheses })` in @lab/engine, or the scenario's
 * `hypotheses.json`): the effect is metric(a) ÷ metric(b), paired run by run.
 */
export interface GroupHypothesis {
  readonly id: string;
  readonly statement: string;
  /** ratePerSec = group throughput; the others are group latencies (µs). */
  readonly metric: HypothesisMetric;
  /** Group names; the effect is metric(a) ÷ metric(b). */
  readonly compare: { readonly a: string; readonly b: string };
  /** The claim: the ratio is at least this. Absent = the effect is only measured. */
  readonly expectRatioAtLeast?: number;
}

/** A group of one scenario's cell. */
export interface CellGroupRef {
  readonly scenario: string;
  readonly group: string;
}

/**
 * Two cells of one implementation in different scenarios (same variant, profile and host):
 * the effect is the ratio of the geometric means of metric over their runs, with a Welch interval,
 * since the cells were measured at different times (`hypotheses.json` only).
 */
export interface CellsHypothesis {
  readonly id: string;
  readonly statement: string;
  readonly metric: HypothesisMetric;
  readonly compareCells: { readonly a: CellGroupRef; readonly b: CellGroupRef };
  readonly expectRatioAtLeast?: number;
}

/**
 * Counters a scenario's teardown records for the whole cell (result `extras`, e.g.
 * `scenario.no-lock.lostUpdates`): exact counts, so no interval; each named extra must lie within
 * the bounds (`hypotheses.json` only).
 */
export interface ExtrasHypothesis {
  readonly id: string;
  readonly statement: string;
  readonly extras: readonly string[];
  readonly expect: { readonly atLeast?: number; readonly atMost?: number };
}

/** A hypothesis about a scenario's results; DISCOVERIES.md judges each. */
export type HypothesisSpec = GroupHypothesis | CellsHypothesis | ExtrasHypothesis;

/** What the report knows about a scenario beyond its result files (structurally a @lab/engine Scenario). */
export interface ScenarioInfo {
  readonly id: string;
  readonly title?: string;
  /** `basic`, `db-advanced`, `caching`, … ; cells of unknown scenarios go to `uncategorised`. */
  readonly category?: string;
  readonly hypotheses?: readonly HypothesisSpec[];
}

/**
 * An interval around an estimate, in the estimate's units: a confidence interval (`kind: 'ci'`,
 * with its `confidence`), the range of 2 runs (`range`) or nothing (`none`, one run).
 */
export interface Interval {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
  readonly kind: 'ci' | 'range' | 'none';
  /** Nominal coverage of a CI (0.95); null for a range or none. */
  readonly confidence: number | null;
}

/** One role's resource figures over the measured runs. */
export interface RoleFigures {
  readonly role: Role;
  readonly cpuSeconds: number;
  /** CPU seconds per 1,000 completed requests. */
  readonly cpuSecondsPer1kRequests: number;
  readonly peakRssBytes: number;
  readonly oomKilled: boolean;
}

/** One measured run of one group (k6-style `group`): throughput and latencies in µs (null if unknown). */
export interface GroupRunFigures {
  readonly ratePerSec: number;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
  readonly mean: number | null;
}

/** One run's per-second series (the result file's `runs[].timeline`) with the run's index. */
export interface TimelineSummary extends RunTimeline {
  readonly run: number;
}

/** One measured run as a throughput/latency point (sweeps: one point per step). */
export interface RunPoint {
  readonly index: number;
  readonly ratePerSec: number;
  readonly p50Us: number | null;
  readonly p99Us: number | null;
}

/** Where a cell stands among the valid cells of its comparison (same scenario, profile and host). */
export interface Standing {
  /** 1 + the number of cells significantly faster; null = not ranked (see `unrankedBecause`). */
  readonly rank: number | null;
  /** Labels of the cells whose difference from this one is not significant (ties). */
  readonly tiedWith: readonly string[];
  /** Why the cell is not ranked, when it is not. */
  readonly unrankedBecause: string | null;
  /** Not ranked (generator-bound), but its rate, a lower bound of the server's, is significantly above every ranked cell of its table (`rankTable`). */
  readonly aboveRanked?: boolean;
}

/** Everything the report shows about one result file (one cell). */
export interface CellSummary {
  /** `impl|variant|scenario|profile|host`: unique per cell. */
  readonly key: string;
  readonly file: string | null;
  readonly implementation: string;
  readonly variant: string;
  /** `implementation` or `implementation (variant)` when the variant is not `default`. */
  readonly label: string;
  readonly scenario: string;
  readonly category: string;
  readonly profile: string;
  readonly hostId: string;
  /** CPU model × cores: cells are compared only within one host class. */
  readonly hostClass: string;
  /** The load generator that measured the cell. */
  readonly driver: 'native' | 'wrk' | 'loadgen';
  /** The preset the cell was measured with; null when not recorded (schema 1). */
  readonly preset: 'standard' | 'quick' | 'suite' | 'publish' | null;
  /** Whether the conformance gate passed before measuring; null when not recorded (schema 1). */
  readonly gated: boolean | null;
  readonly loadKind: 'closed' | 'open' | 'open-stages' | 'sweep';
  /** The load model in words, e.g. `closed, 64 VUs × 30 s`. */
  readonly load: string;
  /** The load without its length (`closed 50 VUs`): part of the comparison group. */
  readonly loadShape: string;
  readonly createdAt: string;
  /** Geometric-mean req/s over runs with its interval, as the result file states it; null if no run completed. */
  readonly ratePerSec: Interval | null;
  /** Coefficient of variation of the run rates (fraction); null below two runs. */
  readonly cv: number | null;
  readonly runs: number;
  readonly runRatesPerSec: readonly number[];
  /** Latency percentiles (µs) from the merged histogram, or wrk's median of runs. */
  readonly percentilesUs: PercentilesUs | null;
  readonly percentilesFrom: 'merged-histogram' | 'median-of-runs' | null;
  /** (percentile, latency µs) points of the merged histogram, for percentile curves. */
  readonly latencyCurve: readonly { readonly percentile: number; readonly latencyUs: number }[];
  readonly requests: number;
  readonly failedRequests: number;
  /** Open models: iterations dropped at maxInFlight over all runs; null when not recorded. */
  readonly droppedIterations: number | null;
  /** droppedIterations ÷ (droppedIterations + requests), a fraction; null when unknown. */
  readonly dropRate: number | null;
  /** failedRequests ÷ requests, a fraction; null without requests. */
  readonly errorRate: number | null;
  readonly resources: readonly RoleFigures[];
  readonly extras: Readonly<Record<string, number | string | boolean>>;
  readonly verdict: Verdict;
  readonly reasons: readonly string[];
  readonly failedThresholds: readonly string[];
  /** Per group, index-aligned with the runs (null where a run has no such group). */
  readonly groupRuns: Readonly<Record<string, readonly (GroupRunFigures | null)[]>>;
  /** Per group, p95 latency (µs) from the group's histogram merged over all runs (wrk: the median of the runs' p95); null when unknown. */
  readonly groupP95Us: Readonly<Record<string, number | null>>;
  readonly runPoints: readonly RunPoint[];
  /** The per-second timelines of the runs that have one (result files before timelines: none). */
  readonly timelines: readonly TimelineSummary[];
  /** Where the runs' per-second rates settle (`warmupOf`); null without a traffic timeline. */
  readonly warmup: CellWarmup | null;
  /** Standing in the scenario's main table (default variants only). */
  readonly standing: Standing;
  /** Standing among its implementation's variants, when it was measured in more than one; else null. */
  readonly variantStanding: Standing | null;
}

/** A host the results come from. */
export interface HostSummary {
  readonly id: string;
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly arch: string;
  readonly kernel: string;
  readonly node: string;
}

/** A resource profile and the limits its cells report as enforced. */
export interface ProfileSummary {
  readonly name: string;
  readonly mechanism: string;
  readonly enforced: boolean;
  /** `server: 1 CPU, cpuset 0, 2.0 GiB; generator: cpuset 1`. */
  readonly limits: string;
}

/** A result file that could not be used, and why. */
export interface SourceProblem {
  readonly file: string;
  readonly code: string;
  readonly message: string;
}

/** The shared model every exporter (markdown, findings, dashboard) renders. */
export interface ReportModel {
  readonly scope: ReportScope;
  readonly cells: readonly CellSummary[];
  readonly scenarios: readonly ScenarioInfo[];
  readonly hosts: readonly HostSummary[];
  readonly profiles: readonly ProfileSummary[];
  readonly problems: readonly SourceProblem[];
  /** The interval rule, in words, for the legend. */
  readonly ciRule: string;
  /** The tie rule, in words, for the legend. */
  readonly tieRule: string;
}
