import { describe, expect, it } from 'vitest';
import { cellObserved, processModelObserved } from './observe';

describe('processModelObserved', () => {
  it("records the server tree and a sweep's outcome: capacity (0 when no step met the SLO), stall, retakes and longest stall", () => {
    const tree = { pids: [10, 11, 12], rssBytes: 300, hwmBytes: 360 };
    const step = (targetRatePerSec: number, passed: boolean, generatorStallMs?: number) => ({
      targetRatePerSec,
      achievedRatePerSec: targetRatePerSec,
      p99Us: passed ? 100_000 : 400_000,
      errorRate: 0,
      dropped: 0,
      passed,
      ...(generatorStallMs !== undefined ? { generatorStallMs } : {}),
    });
    // 120 passed, 240 failed during a 180 ms stall and passed when taken again, 360 failed.
    const steps = [step(120, true, 12), step(240, false, 180.4), step(240, true, 15), step(360, false, 20)];
    expect(processModelObserved(tree, { capacityRatePerSec: 240, generatorStalled: false, steps })).toEqual({
      'serverTree.processes': 3,
      'serverTree.rssBytes': 300,
      'serverTree.hwmBytes': 360,
      'sweep.capacityRatePerSec': 240,
      'sweep.generatorStalled': false,
      'sweep.retakes': 1,
      'sweep.generatorStallMs': 180,
    });
    expect(processModelObserved(tree, { capacityRatePerSec: null, generatorStalled: true, steps: [step(120, false), step(120, false)] })).toEqual({
      'serverTree.processes': 3,
      'serverTree.rssBytes': 300,
      'serverTree.hwmBytes': 360,
      'sweep.capacityRatePerSec': 0,
      'sweep.generatorStalled': true,
      'sweep.retakes': 1,
    });
    expect(processModelObserved({ pids: [], rssBytes: 0, hwmBytes: 0 }, undefined)).toEqual({});
  });
});

describe('cellObserved', () => {
  it("keeps the last run's server tree and every run's sweep capacity and stall", () => {
    const runs = [
      { 'serverTree.processes': 3, 'sweep.capacityRatePerSec': 100, 'sweep.generatorStalled': true },
      { 'serverTree.processes': 5, 'sweep.capacityRatePerSec': 120, 'sweep.generatorStalled': false },
    ];
    expect(cellObserved(runs)).toEqual({
      'serverTree.processes': 5,
      'sweep.capacityRatePerSec.0': 100,
      'sweep.generatorStalled.0': true,
      'sweep.capacityRatePerSec.1': 120,
      'sweep.generatorStalled.1': false,
    });
  });
});
