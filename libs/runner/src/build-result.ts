import { evaluateThresholds, type LoadSpec } from '@lab/engine';
import type { Mechanism, Role as IsolationRole, RoleEnforcement } from '@lab/isolation';
import {
  RESULT_SCHEMA_VERSION,
  cellInterval,
  encodeHistogram,
  mergeHistograms,
  percentilesFromHistogram,
  type HistogramSet,
  type LoadModel,
  type PercentilesUs,
  type Provenance,
  type ResultFile,
  type Role,
} from '@lab/results';
import { coefficientOfVariation, median } from '@lab/stats';
import type { Validity } from './judge-validity';
import { mergeDriverResults } from './merge-driver-results';
import type { CellPlan } from './plan-cell';
import { reportedPercentiles, toHistogramSet, toRun, type MeasuredRun } from './run-record';

/** The roles a result file reports (the upstream stub, `helpers`, is not measured). */
export const RESULT_ROLES: readonly Role[] = ['server', 'database', 'redis', 'generator'];

/** Everything {@link buildResult} assembles. */
export interface ResultInput {
  plan: CellPlan;
  runs: readonly MeasuredRun[];
  provenance: Provenance;
  /** The isolation mechanism used and what each role actually got. */
  isolation: { mechanism: Mechanism; enforced: Record<IsolationRole, RoleEnforcement> };
  validity: Validity;
  /** Scenario and gate figures (primitives only). */
  extras: Record<string, string | number | boolean>;
}

/** Assembles a result file (pure): per-run figures, merged histograms, stats, resources, limits. */
export function buildResult(input: ResultInput): ResultFile {
  const { plan, runs } = input;
  const wrk = runs.some((r) => r.result.histogramSource === 'wrk-percentiles') || (runs.length === 0 && plan.driver === 'wrk');
  const perRun = runs.map(toHistogramSet);
  const totalRequests = runs.reduce((sum, r) => sum + r.result.requests, 0);
  const merged = runs.length > 0 ? mergeDriverResults(runs.map((r) => r.result)) : undefined;
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    ...(wrk ? { histogramSource: 'wrk-percentiles' as const } : {}),
    cell: {
      implementation: plan.implementation.id,
      variant: plan.variant.id,
      scenario: plan.scenario.id,
      profile: plan.profile.name,
      loadModel: loadModel(plan.load),
    },
    provenance: input.provenance,
    plan: {
      warmupMs: plan.warmupMs,
      runDurationMs: plan.runDurationMs,
      minRuns: plan.runs.min,
      maxRuns: plan.runs.max,
      precisionTarget: plan.precisionTarget,
      driver: plan.driver,
      preset: plan.preset,
      gated: plan.gate,
    },
    runs: runs.map(toRun),
    histograms: wrk ? null : { merged: mergeSets(perRun), perRun },
    stats: runs.length === 0 ? null : cellStats(runs, wrk, perRun),
    resources: Object.fromEntries(RESULT_ROLES.map((role) => [role, roleResources(runs, role, totalRequests)])),
    limits: limits(input.isolation),
    validity: input.validity,
    extras: input.extras,
    thresholds: merged
      ? evaluateThresholds(plan.scenario, merged).map((t) => ({
          expression: [t.group, t.trend, t.threshold].filter(Boolean).join(': '),
          ok: t.passed,
          observed: observedInExpressionUnit(t.threshold, t.actual),
        }))
      : [],
  };
}

/** The result file's load model for an engine load spec. */
export function loadModel(load: LoadSpec): LoadModel {
  switch (load.kind) {
    case 'closed':
      return { kind: 'closed', vus: load.vus, durationMs: load.durationMs };
    case 'open':
      return { kind: 'open', ratePerSec: load.ratePerSec, durationMs: load.durationMs, maxVus: load.maxInFlight };
    case 'open-stages':
      return { kind: 'open-stages', stages: load.stages.map((s) => ({ ...s })), maxVus: load.maxInFlight };
    case 'sweep':
      return {
        kind: 'sweep',
        steps: Array.from({ length: load.maxSteps }, (_, k) => ({
          ratePerSec: load.startRatePerSec + k * load.stepRatePerSec,
          durationMs: load.stepDurationMs,
        })),
        slo: { percentile: load.slo.percentile, latencyUs: Math.round(load.slo.maxLatencyMs * 1000) },
        maxVus: load.maxInFlight,
      };
  }
}

function mergeSets(sets: readonly HistogramSet[]): HistogramSet {
  const keyed = (pick: (s: HistogramSet) => Record<string, string>) => {
    const keys = [...new Set(sets.flatMap((s) => Object.keys(pick(s))))];
    return Object.fromEntries(keys.map((k) => [k, encodeHistogram(mergeHistograms(sets.flatMap((s) => (pick(s)[k] ? [pick(s)[k]!] : []))))]));
  };
  return {
    latencyUs: encodeHistogram(mergeHistograms(sets.map((s) => s.latencyUs))),
    perGroupLatencyUs: keyed((s) => s.perGroupLatencyUs),
    perEndpointLatencyUs: keyed((s) => s.perEndpointLatencyUs),
  };
}

const ZERO: PercentilesUs = { p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 };

function cellStats(runs: readonly MeasuredRun[], wrk: boolean, perRun: readonly HistogramSet[]): NonNullable<ResultFile['stats']> {
  const rates = runs.map((r) => r.result.ratePerSec);
  const { estimate, ci } = cellInterval(rates);
  const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
  let percentilesUs: PercentilesUs;
  if (wrk) {
    const each = runs.map((r) => reportedPercentiles(r.result.overall));
    const keys = Object.keys(ZERO) as (keyof PercentilesUs)[];
    percentilesUs = Object.fromEntries(keys.map((k) => [k, Math.round(median(each.map((p) => p[k])))])) as PercentilesUs;
  } else {
    const merged = mergeHistograms(perRun.map((s) => s.latencyUs));
    percentilesUs = merged.totalCount > 0 ? percentilesFromHistogram(merged) : ZERO;
  }
  return {
    mainMetric: 'ratePerSec',
    estimate,
    ci,
    cv: rates.length >= 2 && mean > 0 ? coefficientOfVariation(rates) : null,
    runs: runs.length,
    percentilesUs,
    ...(wrk ? { percentilesFrom: 'median-of-runs' as const } : {}),
  };
}

function roleResources(runs: readonly MeasuredRun[], role: Role, totalRequests: number) {
  const deltas = runs.map((r) => r.roles[role]);
  const cpuSeconds = deltas.reduce((sum, d) => sum + d.cpuSeconds, 0);
  const throttled = deltas.filter((d) => d.throttledPeriods !== undefined);
  return {
    cpuSeconds,
    cpuSecondsPer1kRequests: totalRequests > 0 ? cpuSeconds / (totalRequests / 1000) : 0,
    peakRssBytes: Math.round(Math.max(0, ...deltas.map((d) => d.peakRssBytes))),
    ...(throttled.length > 0 ? { throttledPeriods: throttled.reduce((sum, d) => sum + d.throttledPeriods!, 0) } : {}),
    oomKilled: deltas.some((d) => d.oomKilled),
  };
}

function limits(isolation: ResultInput['isolation']): ResultFile['limits'] {
  const perRole: ResultFile['limits']['perRole'] = {};
  for (const role of RESULT_ROLES) {
    const e = isolation.enforced[role];
    const entry = {
      ...(e.cpuQuota !== undefined ? { cpus: e.cpuQuota } : {}),
      ...(e.cpus !== undefined ? { cpuset: e.cpus } : {}),
      ...(e.memoryBytes !== undefined ? { memoryBytes: e.memoryBytes } : {}),
    };
    if (Object.keys(entry).length > 0) perRole[role] = entry;
  }
  const enforced = isolation.mechanism !== 'none' && RESULT_ROLES.every((role) => isolation.enforced[role].enforced);
  return { enforced, mechanism: isolation.mechanism, perRole };
}

/** Time units a threshold expression may name, in µs (as @lab/engine parses them). */
const TIME_UNIT_US: Record<string, number> = { us: 1, µs: 1, ms: 1000, s: 1_000_000 };

/**
 * A threshold's observed value in the unit its expression names, as the result schema says:
 * the engine evaluates latencies in µs, so `p95 < 500ms` observed at 5,871 µs is stored as
 * 5.871. Percentages and rates are already in their unit.
 */
export function observedInExpressionUnit(expression: string, actual: number | null): number | null {
  if (actual === null) return null;
  const match = /^\s*(p\d{1,2}(?:\.\d+)?|med|avg|min|max)\s*(?:<=|<|>=|>)\s*\d+(?:\.\d+)?\s*(ms|s|us|µs)?\s*$/.exec(expression);
  if (!match) return actual;
  return actual / (TIME_UNIT_US[match[2] ?? 'ms'] ?? 1000);
}
