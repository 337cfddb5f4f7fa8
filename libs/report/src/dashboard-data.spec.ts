import { decodeHistogram, readResultsDir } from '@lab/results';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from './build-report-model';
import { toDashboardData } from './dashboard-data';
import { FIXTURE_RESULTS_DIR, fixtureScenarios } from './testing/fixtures';

describe('toDashboardData', () => {
  it('carries every cell with the figures of its result file, as plain JSON', async () => {
    const { results } = await readResultsDir(FIXTURE_RESULTS_DIR);
    const data = toDashboardData(buildReportModel(results, { scenarios: fixtureScenarios() }));
    expect(data.cells).toHaveLength(results.length);
    for (const { result } of results) {
      const cell = data.cells.find((c) => c.implementation === result.cell.implementation && c.scenario === result.cell.scenario)!;
      expect([cell.ratePerSec, cell.ratePerSecLow, cell.ratePerSecHigh]).toEqual([result.stats!.estimate, result.stats!.ci.low, result.stats!.ci.high]);
      expect(cell.p99Us).toBe(result.stats!.percentilesUs.p99);
      expect(cell.runPoints).toHaveLength(result.runs.length);
      expect(cell.latencyCurve.at(-1)!.latencyUs).toBe(result.stats!.percentilesUs.max);
      expect(cell.verdict).toBe(result.validity.verdict);
      // Per-second timelines as the file has them, with each run's settling second where there is traffic.
      expect(cell.timelines.map(({ run, ...t }) => [run, t])).toEqual(result.runs.flatMap((r) => (r.timeline ? [[r.index, r.timeline]] : [])));
      expect(Object.keys(cell.settledAtSecond).map(Number)).toEqual(result.runs.filter((r) => r.timeline?.requests).map((r) => r.index));
      // p95 per group straight from the file's merged group histograms (hdr-histogram-js, not the report's code).
      for (const [group, encoded] of Object.entries(result.histograms!.merged.perGroupLatencyUs)) {
        expect(cell.groupP95Us[group]).toBe(decodeHistogram(encoded).getValueAtPercentile(95));
      }
    }
    const node = data.cells.find((c) => c.implementation === 'typescript-node-http' && c.scenario === '01-lightweight')!;
    const python = data.cells.find((c) => c.implementation === 'python-fastapi-strict' && c.scenario === '01-lightweight')!;
    expect(node.shareOfBest).toBe(1);
    expect(python.shareOfBest).toBeCloseTo(python.ratePerSec! / node.ratePerSec!, 12);
    // The fixtures' V8 cell warms up for seconds, its CPython and Go peers settle at once.
    expect(Math.max(...Object.values(node.settledAtSecond).map(Number))).toBeGreaterThanOrEqual(5);
    expect(Math.max(...Object.values(python.settledAtSecond).map(Number))).toBeLessThanOrEqual(2);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});
