import { decodeHistogram, percentilesFromHistogram, type Histogram, type ResultFile, type Run } from '@lab/results';
import type { CellSummary, GroupRunFigures, RoleFigures, RunPoint, Standing } from './report-model';
import { warmupOf } from './warmup';

/** Percentiles drawn for a latency curve (the HdrHistogram "percentile distribution" shape). */
export const CURVE_PERCENTILES = [0, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.99, 100] as const;

const NOT_RANKED_YET: Standing = { rank: null, tiedWith: [], unrankedBecause: 'not compared yet' };

/** The host id a cell is keyed by: the machine id when known, else its host class. */
export function hostIdOf(result: ResultFile): string {
  return result.provenance.hostFingerprint.machineId ?? hostClassOf(result);
}

/** The host class cells are compared within: CPU model × cores (e.g. `AMD EPYC 7B13 ×2`). */
export function hostClassOf(result: ResultFile): string {
  const h = result.provenance.hostFingerprint;
  return `${h.cpuModel} ×${h.cores}`;
}

/** `implementation` or `implementation (variant)`. */
export function cellLabel(implementation: string, variant: string): string {
  return variant === 'default' ? implementation : `${implementation} (${variant})`;
}

/** The load model in words: `closed, 64 VUs × 30 s`, `open, 500/s × 30 s`, `sweep, 5 steps 100–2,000/s`. */
export function describeLoad(model: ResultFile['cell']['loadModel']): string {
  const s = (ms: number) => `${ms / 1000} s`;
  const rate = (r: number) => `${r.toLocaleString('en-US')}/s`;
  switch (model.kind) {
    case 'closed':
      return `closed, ${model.vus} VUs × ${s(model.durationMs)}`;
    case 'open':
      return `open, ${rate(model.ratePerSec)} × ${s(model.durationMs)}`;
    case 'open-stages':
      return `open stages, ${model.stages.map((st) => `${rate(st.ratePerSec)} × ${s(st.durationMs)}`).join(' → ')}`;
    case 'sweep': {
      const rates = model.steps.map((st) => st.ratePerSec);
      return `sweep, ${rates.length} steps ${rate(Math.min(...rates))}–${rate(Math.max(...rates))}`;
    }
  }
}

/**
 * The load's shape without its length, e.g. `closed 50 VUs`: cells measured at another
 * concurrency or rate (a server-config point, `lab bench --vus`) are other cells, never ranked
 * against the scenario's own load.
 */
export function loadShape(model: ResultFile['cell']['loadModel']): string {
  switch (model.kind) {
    case 'closed':
      return `closed ${model.vus} VUs`;
    case 'open':
      return `open ${model.ratePerSec}/s`;
    case 'open-stages':
      return `open stages ${model.stages.map((st) => st.ratePerSec).join('→')}/s`;
    case 'sweep':
      return 'sweep';
  }
}

function failedOf(run: Run): number {
  const e = run.errors;
  return e.timeout + e.reset + e.non2xx + e.checkFailed + e.other;
}

function groupFiguresOf(result: ResultFile, run: Run, group: string): GroupRunFigures {
  const traffic = run.perGroup[group];
  const encoded = result.histograms?.perRun[run.index]?.perGroupLatencyUs[group];
  const h = encoded ? decodeHistogram(encoded) : null;
  if (h && h.totalCount > 0) {
    const at = (q: number) => h.getValueAtPercentile(q);
    return { ratePerSec: traffic?.ratePerSec ?? 0, p50: at(50), p90: at(90), p95: at(95), p99: at(99), mean: h.mean };
  }
  const l = traffic?.latencyUs ?? null;
  return { ratePerSec: traffic?.ratePerSec ?? 0, p50: l?.p50 ?? null, p90: l?.p90 ?? null, p95: l?.p95 ?? null, p99: l?.p99 ?? null, mean: l?.mean ?? null };
}

function runPointOf(result: ResultFile, run: Run): RunPoint {
  const encoded = result.histograms?.perRun[run.index]?.latencyUs;
  const h = encoded ? decodeHistogram(encoded) : null;
  if (h && h.totalCount > 0) {
    return { index: run.index, ratePerSec: run.ratePerSec, p50Us: h.getValueAtPercentile(50), p99Us: h.getValueAtPercentile(99) };
  }
  return { index: run.index, ratePerSec: run.ratePerSec, p50Us: run.percentilesUs?.p50 ?? null, p99Us: run.percentilesUs?.p99 ?? null };
}

/** A group's p95 over all runs, from its merged histogram (µs); wrk files: the median of the runs' p95; null when unknown. */
function groupP95Of(result: ResultFile, runs: readonly Run[], group: string): number | null {
  const encoded = result.histograms?.merged.perGroupLatencyUs[group];
  const h = encoded ? decodeHistogram(encoded) : null;
  if (h && h.totalCount > 0) return h.getValueAtPercentile(95);
  const perRun = runs
    .map((r) => r.perGroup[group]?.latencyUs?.p95 ?? null)
    .filter((v): v is number => v !== null)
    .sort((a, b) => a - b);
  return perRun.length === 0 ? null : perRun[Math.floor((perRun.length - 1) / 2)]!;
}

function curveOf(merged: Histogram | null): CellSummary['latencyCurve'] {
  if (!merged || merged.totalCount === 0) return [];
  return CURVE_PERCENTILES.map((percentile) => ({ percentile, latencyUs: merged.getValueAtPercentile(percentile) }));
}

/**
 * Summarises one result file for the report: the main metric exactly as the file states it
 * (geometric-mean req/s and its interval), latency percentiles re-read from the MERGED histogram (never an
 * average of run percentiles; wrk files keep their median-of-runs figures), error rate over all
 * runs, resources per role, extras, validity, per-group per-run figures (for hypotheses, p95
 * from each run's group histogram) and per-run throughput/latency points. Ranking is left to
 * {@link rankCells}.
 */
export function summarizeCell(result: ResultFile, file: string | null, category: string): CellSummary {
  const { cell, stats, runs } = result;
  const merged = result.histograms ? decodeHistogram(result.histograms.merged.latencyUs) : null;
  const fromHistogram = merged !== null && merged.totalCount > 0;
  const requests = runs.reduce((sum, r) => sum + r.requests, 0);
  const failedRequests = runs.reduce((sum, r) => sum + failedOf(r), 0);
  const droppedKnown = runs.length > 0 && runs.every((r) => r.droppedIterations !== null);
  const droppedIterations = droppedKnown ? runs.reduce((sum, r) => sum + r.droppedIterations!, 0) : null;
  const groups = [...new Set(runs.flatMap((r) => Object.keys(r.perGroup)))].sort();
  const resources: RoleFigures[] = Object.entries(result.resources).map(([role, r]) => ({
    role: role as RoleFigures['role'],
    cpuSeconds: r.cpuSeconds,
    cpuSecondsPer1kRequests: r.cpuSecondsPer1kRequests,
    peakRssBytes: r.peakRssBytes,
    oomKilled: r.oomKilled,
  }));
  return {
    key: [cell.implementation, cell.variant, cell.scenario, cell.profile, loadShape(cell.loadModel), hostIdOf(result)].join('|'),
    file,
    implementation: cell.implementation,
    variant: cell.variant,
    label: cellLabel(cell.implementation, cell.variant),
    scenario: cell.scenario,
    category,
    profile: cell.profile,
    hostId: hostIdOf(result),
    hostClass: hostClassOf(result),
    driver: result.plan.driver,
    preset: result.plan.preset,
    gated: result.plan.gated,
    loadKind: cell.loadModel.kind,
    load: describeLoad(cell.loadModel),
    loadShape: loadShape(cell.loadModel),
    createdAt: result.provenance.createdAt,
    ratePerSec: stats ? { estimate: stats.estimate, low: stats.ci.low, high: stats.ci.high, kind: stats.ci.kind, confidence: stats.ci.confidence } : null,
    cv: stats?.cv ?? null,
    runs: runs.length,
    runRatesPerSec: runs.map((r) => r.ratePerSec),
    percentilesUs: fromHistogram ? percentilesFromHistogram(merged) : (stats?.percentilesUs ?? null),
    percentilesFrom: fromHistogram ? 'merged-histogram' : stats ? 'median-of-runs' : null,
    latencyCurve: curveOf(merged),
    requests,
    failedRequests,
    droppedIterations,
    dropRate: droppedIterations === null ? null : droppedIterations + requests > 0 ? droppedIterations / (droppedIterations + requests) : 0,
    errorRate: requests > 0 ? failedRequests / requests : null,
    resources,
    extras: result.extras,
    verdict: result.validity.verdict,
    reasons: result.validity.reasons,
    failedThresholds: result.thresholds.filter((t) => !t.ok).map((t) => t.expression),
    groupRuns: Object.fromEntries(groups.map((g) => [g, runs.map((r) => (g in r.perGroup ? groupFiguresOf(result, r, g) : null))])),
    groupP95Us: Object.fromEntries(groups.map((g) => [g, groupP95Of(result, runs, g)])),
    runPoints: runs.map((r) => runPointOf(result, r)),
    timelines: runs.flatMap((r) => (r.timeline ? [{ run: r.index, ...r.timeline }] : [])),
    warmup: warmupOf(result),
    standing: NOT_RANKED_YET,
    variantStanding: null,
  };
}
