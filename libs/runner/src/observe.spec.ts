import { describe, expect, it } from 'vitest';
import { cellObserved, processModelObserved } from './observe';

describe('processModelObserved', () => {
  it('records the server tree and a sweep capacity, 0 when no step met the SLO', () => {
    const tree = { pids: [10, 11, 12], rssBytes: 300, hwmBytes: 360 };
    expect(processModelObserved(tree, 120)).toEqual({
      'serverTree.processes': 3,
      'serverTree.rssBytes': 300,
      'serverTree.hwmBytes': 360,
      'sweep.capacityRatePerSec': 120,
    });
    expect(processModelObserved(tree, null)['sweep.capacityRatePerSec']).toBe(0);
    expect(processModelObserved({ pids: [], rssBytes: 0, hwmBytes: 0 }, undefined)).toEqual({});
  });
});

describe('cellObserved', () => {
  it("keeps the last run's server tree and every run's sweep capacity", () => {
    const runs = [
      { 'serverTree.processes': 3, 'sweep.capacityRatePerSec': 100 },
      { 'serverTree.processes': 5, 'sweep.capacityRatePerSec': 120 },
    ];
    expect(cellObserved(runs)).toEqual({ 'serverTree.processes': 5, 'sweep.capacityRatePerSec.0': 100, 'sweep.capacityRatePerSec.1': 120 });
  });
});
