import { describe, expect, it } from 'vitest';
import type { SweepLoad } from '../define-scenario';
import { runSweep, type StepMeasure } from './sweep';

const load: SweepLoad = {
  kind: 'sweep',
  startRatePerSec: 100,
  stepRatePerSec: 100,
  stepDurationMs: 1_000,
  maxSteps: 4,
  slo: { percentile: 99, maxLatencyMs: 250, maxErrorRate: 0.01 },
};

/** A step measure: p99 in ms, the generator's longest stall in ms. */
const step = (p99Ms: number, generatorStallMs = 0): StepMeasure => ({
  achievedRatePerSec: 100,
  p99Us: p99Ms * 1000,
  requests: 1_000,
  failedRequests: 0,
  dropped: 0,
  interrupted: false,
  generatorStallMs,
});

/** Runs a sweep whose steps measure `measures` in order; returns it and the rates taken. */
async function sweep(measures: StepMeasure[]) {
  const rates: number[] = [];
  const result = await runSweep(load, async (rate) => {
    rates.push(rate);
    return measures[rates.length - 1]!;
  });
  return { result, rates };
}

describe('runSweep', () => {
  it('ends at the first failing step; capacity is the last passing rate', async () => {
    const { result, rates } = await sweep([step(120), step(180), step(400, 20), step(100)]);
    expect(rates).toEqual([100, 200, 300]);
    expect(result).toMatchObject({ capacityRatePerSec: 200, generatorStalled: false });
    expect(result.steps.map((s) => s.generatorStallMs)).toEqual([0, 0, 20]);
  });

  it('takes a step failed on latency during a generator stall of a fifth of the SLO or longer, by no more than the stall, once more, and goes on when it passes', async () => {
    const { result, rates } = await sweep([step(120), step(290, 50), step(130), step(140), step(150)]);
    expect(rates).toEqual([100, 200, 200, 300, 400]);
    expect(result.steps.map((s) => s.passed)).toEqual([true, false, true, true, true]);
    expect(result).toMatchObject({ capacityRatePerSec: 400, generatorStalled: false });
  });

  it('ends generator-stalled when the retake fails with a stall too, and not when it fails without one', async () => {
    const stalled = await sweep([step(120), step(400, 300), step(300, 60)]);
    expect(stalled.rates).toEqual([100, 200, 200]);
    expect(stalled.result).toMatchObject({ capacityRatePerSec: 100, generatorStalled: true });
    const serverBound = await sweep([step(120), step(400, 300), step(300, 10)]);
    expect(serverBound.result).toMatchObject({ capacityRatePerSec: 100, generatorStalled: false });
  });

  it('blames the server, stall or not, when the p99 overshoots the SLO by more than the stall or errors break it', async () => {
    expect((await sweep([step(120), step(900, 100)])).rates).toEqual([100, 200]);
    const failing = { ...step(200, 100), failedRequests: 50 };
    const { result, rates } = await sweep([step(120), failing]);
    expect(rates).toEqual([100, 200]);
    expect(result).toMatchObject({ capacityRatePerSec: 100, generatorStalled: false });
    expect((await sweep([step(120), step(350, 100), step(340, 100)])).result).toMatchObject({ generatorStalled: true });
  });

  it('takes a step only once when the driver does not watch its loop, or the stall was shorter than a fifth of the SLO', async () => {
    const { generatorStallMs: _, ...unwatched } = step(400);
    expect((await sweep([step(120), unwatched])).rates).toEqual([100, 200]);
    expect((await sweep([step(120), step(400, 49)])).rates).toEqual([100, 200]);
  });
});
