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
  result.runs = result.runs.map((run, i) => ({
    ...run,
    ratePerSec: m.ratesPerSec[i]!,
    requests: Math.round(m.ratesPerSec[i]! * 30),
    ...(cores ? { timeline: { seconds: cores.length, cpuCores: { server: cores }, rssBytes: {} } } : {}),
  }));
  const { estimate, ci } = cellInterval(m.ratesPerSec);
  result.stats = { ...result.stats!, estimate, ci };
  if (m.p50Us !== undefined) result.stats.percentilesUs = { ...result.stats.percentilesUs, p50: m.p50Us };
  const processes = m.processes ?? point.model.workers + (point.model.workers > 1 ? 1 : 0);
  const rss = (m.rssBytesPerProcess ?? 60 * 1024 ** 2) * processes;
  result.extras = {
    'serverTree.processes': processes,
    'serverTree.rssBytes': rss,
    'serverTree.hwmBytes': rss,
    ...Object.fromEntries((m.capacitiesPerSec ?? []).map((c, i) => [`sweep.capacityRatePerSec.${i}`, c])),
  };
  if (m.verdict && m.verdict !== 'valid') result.validity = { verdict: m.verdict, reasons: ['fixture'] };
  return result;
}
