/**
 * Result files for points, built from the results library's fixture (real encoded histograms)
 * with the point's identity, three given run rates, their interval and the extras a point
 * records (server processes and RSS, sweep capacities). For tests of the report pipeline.
 */
import { cellInterval, type ResultFile } from '@lab/results';
import { fixtureResult } from '../../../../libs/results/src/testing/fixture-result';
import type { Point } from '../definition';

/** What a fixture point measured: exactly three run rates; optional processes, RSS, capacities and median latency. */
export interface FixtureMeasure {
  ratesPerSec: [number, number, number];
  processes?: number;
  rssBytesPerProcess?: number;
  capacitiesPerSec?: [number, number, number];
  /** The merged median latency, µs (default: the fixture's). */
  p50Us?: number;
  verdict?: ResultFile['validity']['verdict'];
  /** The server's busy cores in each second of every run (a timeline; default: none recorded). */
  serverCpuCores?: number[];
  /** The server's RSS in each second of each run, bytes (a timeline; default: none recorded). */
  serverRssBytes?: [number[], number[], number[]];
  /** Failed requests in each second of each run (with `serverRssBytes`; default: none recorded). */
  errorsPerSecond?: [number[], number[], number[]];
}

/** A valid result file for `point` with the measured figures of `m`. */
export function fixturePointResult(point: Point, m: FixtureMeasure): ResultFile {
  const result = fixtureResult();
  result.cell = {
    implementation: point.impl,
    variant: point.variant,
    scenario: point.scenario,
    profile: point.profile,
    loadModel:
      'vus' in point.load
        ? { kind: 'closed', vus: point.load.vus, durationMs: 30_000 }
        : { kind: 'sweep', steps: [{ ratePerSec: 10, durationMs: 30_000 }], slo: { percentile: 99, latencyUs: 250_000 } },
  };
  const cores = m.serverCpuCores;
  const rss = m.serverRssBytes;
  result.runs = result.runs.map((run, i) => ({
    ...run,
    ratePerSec: m.ratesPerSec[i]!,
    requests: Math.round(m.ratesPerSec[i]! * 30),
    ...(cores || rss
      ? {
          timeline: {
            seconds: cores?.length ?? rss![i]!.length,
            cpuCores: cores ? { server: cores } : {},
            rssBytes: rss ? { server: rss[i]! } : {},
            ...trafficTimeline(m.errorsPerSecond?.[i]),
          },
        }
      : {}),
  }));
  const { estimate, ci } = cellInterval(m.ratesPerSec);
  result.stats = { ...result.stats!, estimate, ci };
  if (m.p50Us !== undefined) result.stats.percentilesUs = { ...result.stats.percentilesUs, p50: m.p50Us };
  const processes = m.processes ?? point.model.workers + (point.model.workers > 1 ? 1 : 0);
  const treeRss = (m.rssBytesPerProcess ?? 60 * 1024 ** 2) * processes;
  result.extras = {
    'serverTree.processes': processes,
    'serverTree.rssBytes': treeRss,
    'serverTree.hwmBytes': treeRss,
    ...Object.fromEntries((m.capacitiesPerSec ?? []).map((c, i) => [`sweep.capacityRatePerSec.${i}`, c])),
  };
  if (m.verdict && m.verdict !== 'valid') result.validity = { verdict: m.verdict, reasons: ['fixture'] };
  return result;
}

/** A run timeline's traffic columns for these failures per second (one request a second, no latencies). */
function trafficTimeline(errors: number[] | undefined) {
  if (!errors) return {};
  return { requests: errors.map((e) => Math.max(1, e)), errors, p50Us: errors.map(() => null), p99Us: errors.map(() => null) };
}
