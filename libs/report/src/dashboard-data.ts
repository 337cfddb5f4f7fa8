import type { HostSummary, ProfileSummary, ReportModel, RoleFigures, RunPoint, TimelineSummary } from './report-model';
import { bestValidCells, shareOfBest } from './share-of-best';

/** Version of the dashboard data shape; bump on incompatible changes. */
export const DASHBOARD_DATA_VERSION = 2;

/** One cell as the dashboard charts and tabulates it (plain JSON: numbers, strings, null). */
export interface DashboardCell {
  readonly key: string;
  readonly implementation: string;
  readonly variant: string;
  readonly label: string;
  readonly scenario: string;
  readonly category: string;
  readonly profile: string;
  readonly hostId: string;
  /** CPU model × cores: cells are compared only within one host class. */
  readonly hostClass: string;
  readonly loadKind: string;
  readonly load: string;
  /** Median req/s and its CI bounds; null when no run completed. */
  readonly ratePerSec: number | null;
  readonly ratePerSecLow: number | null;
  readonly ratePerSecHigh: number | null;
  readonly cv: number | null;
  readonly runs: number;
  readonly p50Us: number | null;
  readonly p90Us: number | null;
  readonly p95Us: number | null;
  readonly p99Us: number | null;
  readonly errorRate: number | null;
  readonly verdict: string;
  readonly reasons: readonly string[];
  readonly rank: number | null;
  readonly tiedWith: readonly string[];
  /** req/s as a fraction of the best valid cell of its comparison group (1 = the best); null without a rate or a valid cell. */
  readonly shareOfBest: number | null;
  /** Per group, p95 latency (µs) from the merged group histogram; null when unknown. */
  readonly groupP95Us: Readonly<Record<string, number | null>>;
  readonly latencyCurve: readonly { readonly percentile: number; readonly latencyUs: number }[];
  readonly runPoints: readonly RunPoint[];
  readonly resources: readonly RoleFigures[];
  /** Per-second series of the runs that recorded one: rate, errors, p50/p99 (µs), CPU (cores) and RSS (bytes) per role. */
  readonly timelines: readonly TimelineSummary[];
  /** Per run, the second from which its rate stays within ±2 % of its final level (null: not steady); absent runs have no traffic timeline. */
  readonly settledAtSecond: Readonly<Record<number, number | null>>;
  readonly extras: Readonly<Record<string, number | string | boolean>>;
}

/** Everything the dashboard shows, embedded in its page (`<script id="lab-data" type="application/json">`). */
export interface DashboardData {
  readonly version: typeof DASHBOARD_DATA_VERSION;
  readonly hosts: readonly HostSummary[];
  readonly profiles: readonly ProfileSummary[];
  readonly scenarios: readonly { readonly id: string; readonly title: string | null; readonly category: string | null }[];
  readonly cells: readonly DashboardCell[];
  readonly tieRule: string;
}

/**
 * The dashboard's data: one flat record per cell (estimates, CI bounds, percentiles, rank and
 * ties, share of the best valid cell, validity, the merged-histogram percentile curve, p95 per
 * group, per-run throughput/latency points, per-role resources and the runs' per-second
 * timelines with where each run's rate settles), plus hosts, profiles and scenario titles. Every cell of the model, whatever
 * its scope: the dashboard filters in the browser.
 */
export function toDashboardData(model: ReportModel): DashboardData {
  const scenarioIds = [...new Set(model.cells.map((c) => c.scenario))].sort();
  const best = bestValidCells(model.cells);
  return {
    version: DASHBOARD_DATA_VERSION,
    hosts: model.hosts,
    profiles: model.profiles,
    scenarios: scenarioIds.map((id) => {
      const info = model.scenarios.find((s) => s.id === id);
      return { id, title: info?.title ?? null, category: info?.category ?? null };
    }),
    cells: model.cells.map((c) => ({
      key: c.key,
      implementation: c.implementation,
      variant: c.variant,
      label: c.label,
      scenario: c.scenario,
      category: c.category,
      profile: c.profile,
      hostId: c.hostId,
      hostClass: c.hostClass,
      loadKind: c.loadKind,
      load: c.load,
      ratePerSec: c.ratePerSec?.estimate ?? null,
      ratePerSecLow: c.ratePerSec?.low ?? null,
      ratePerSecHigh: c.ratePerSec?.high ?? null,
      cv: c.cv,
      runs: c.runs,
      p50Us: c.percentilesUs?.p50 ?? null,
      p90Us: c.percentilesUs?.p90 ?? null,
      p95Us: c.percentilesUs?.p95 ?? null,
      p99Us: c.percentilesUs?.p99 ?? null,
      errorRate: c.errorRate,
      verdict: c.verdict,
      reasons: c.reasons,
      rank: c.standing.rank,
      tiedWith: c.standing.tiedWith,
      shareOfBest: shareOfBest(c, best),
      groupP95Us: c.groupP95Us,
      latencyCurve: c.latencyCurve,
      runPoints: c.runPoints,
      resources: c.resources,
      timelines: c.timelines,
      settledAtSecond: Object.fromEntries((c.warmup?.runs ?? []).map((r) => [r.run, r.settledAtSecond])),
      extras: c.extras,
    })),
    tieRule: model.tieRule,
  };
}
