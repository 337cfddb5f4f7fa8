import { defineScenario } from '@lab/engine';
import { describe, expect, it } from 'vitest';
import { warmupScenario } from './measure-run';

describe('warmupScenario', () => {
  const scenario = defineScenario({
    id: '94-warmup-fixture',
    title: 'warm-up fixture',
    category: 'stress',
    description: 'a sweep to warm up',
    endpoints: ['health'],
    load: { kind: 'closed', vus: 1, durationMs: 1000 },
    iteration: async () => {},
  });

  it('warms a sweep up with its first step alone, so a driver that runs the sweep runs its warm-up too', () => {
    const load = {
      kind: 'sweep' as const,
      startRatePerSec: 1000,
      stepRatePerSec: 250,
      stepDurationMs: 10_000,
      maxSteps: 16,
      maxInFlight: 1250,
      slo: { percentile: 99 as const, maxLatencyMs: 250, maxErrorRate: 0.01 },
    };
    expect(warmupScenario({ scenario, load, warmupMs: 5000 }).load).toEqual({ ...load, stepDurationMs: 5000, maxSteps: 1 });
  });

  it('warms any other load up with the same load', () => {
    const load = { kind: 'closed' as const, vus: 10, durationMs: 30_000 };
    expect(warmupScenario({ scenario, load, warmupMs: 5000 }).load).toEqual(load);
  });
});
