import { describe, expect, it } from 'vitest';
import { cellObserved, processModelObserved } from './observe';

describe('processModelObserved', () => {
  it('records the server tree and a sweep capacity, 0 when no step met the SLO, and whether the generator stalled', () => {
    const tree = { pids: [10, 11, 12], rssBytes: 300, hwmBytes: 360 };
    expect(processModelObserved(tree, { capacityRatePerSec: 120, generatorStalled: false })).toEqual({
      'serverTree.processes': 3,
      'serverTree.rssBytes': 300,
      'serverTree.hwmBytes': 360,
      'sweep.capacityRatePerSec': 120,
      'sweep.generatorStalled': false,
    });
    expect(processModelObserved(tree, { capacityRatePerSec: null, generatorStalled: true })).toMatchObject({
      'sweep.capacityRatePerSec': 0,
      'sweep.generatorStalled': true,
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
