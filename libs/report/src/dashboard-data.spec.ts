import { readResultsDir } from '@lab/results';
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
    }
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});
