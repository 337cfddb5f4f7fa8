import { describe, expect, it } from 'vitest';
import { warmupScenario } from './measure-run';
import { healthScenario } from './testing/fixtures';

describe('warmupScenario', () => {
  const scenario = healthScenario();

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
