import { describe, expect, it } from 'vitest';
import { parseRuns } from './bench-options';
import { describePlan } from './describe-plan';
import { isRunnerError } from './errors';
import { planCell, sweepMaxInFlight, type PlanInput } from './plan-cell';
import { fixtureManifest, healthScenario } from './testing/fixtures';

const implementation = {
  id: 'fixture-impl',
  dir: '/nowhere/fixture-impl',
  manifest: fixtureManifest('node server.mjs', {
    env: { NODE_ENV: 'production' },
    variants: [{ id: 'cluster-2', description: 'two workers', env: { WORKERS: '2' } }],
  }),
};

function input(overrides: Partial<PlanInput> = {}): PlanInput {
  return { implementation, scenario: healthScenario({ kind: 'closed', vus: 8, durationMs: 30_000 }), workspaceRoot: '/ws', host: { cores: 2 }, ...overrides };
}

function invalid(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (isRunnerError(error, 'LAB_RUNNER_OPTIONS_INVALID')) return [...error.problems];
    throw error;
  }
  return expect.fail('expected LAB_RUNNER_OPTIONS_INVALID');
}

describe('planCell', () => {
  it('fills the defaults: the scenario load, 5 s warm-up, 3–10 runs, ±2 %, driver auto (native when not probed), seed 1, the core-count profile', () => {
    const plan = planCell(input());
    expect(plan).toMatchObject({
      load: { kind: 'closed', vus: 8, durationMs: 30_000 },
      runDurationMs: 30_000,
      warmupMs: 5_000,
      runs: { min: 3, max: 10 },
      precisionTarget: 0.02,
      driver: 'native',
      seed: 1,
      preset: 'standard',
      gate: true,
      variant: { id: 'default', env: {} },
      profile: { name: 'default-2core' },
    });
    expect(plan.origins).toMatchObject({ durationMs: 'scenario', warmupMs: 'default', 'runs.min': 'default', profile: 'default' });
  });

  it('plans the same profile layout on a 2-core and a 16-core host (what --dry-run prints)', () => {
    const small = describePlan(planCell(input({ host: { cores: 2 } })));
    const big = describePlan(planCell(input({ host: { cores: 16 } })));
    expect(big.profile).toEqual(small.profile);
    expect(small.profile).toMatchObject({ name: 'default-2core', roles: { server: { cpus: '0' }, generator: { cpus: '1' }, helpers: { cpus: '1' } } });
  });

  it('builds the server environment: manifest env, pool and workers, then the variant', () => {
    expect(planCell(input()).serverEnv).toEqual({ NODE_ENV: 'production', DB_POOL_SIZE: '4', WORKERS: '1' });
    const plan = planCell(input({ options: { variant: 'cluster-2' } }));
    expect(plan.variant).toEqual({ id: 'cluster-2', env: { WORKERS: '2' } });
    expect(plan.serverEnv.WORKERS).toBe('2');
  });

  it.each([
    ['quick preset', {}, { preset: 'quick' as const }, { warmupMs: 1_000, runs: { min: 2, max: 3 }, precisionTarget: 0.05, runDurationMs: 5_000 }],
    [
      'suite preset',
      {},
      { preset: 'suite' as const },
      { warmupMs: 1_000, runs: { min: 3, max: 3 }, runDurationMs: 3_000, quiet: { maxBusyCores: 0.12, timeoutMs: 2_000 }, gate: true },
    ],
    ['suite preset from LAB_PRESET', { LAB_PRESET: 'suite' }, {}, { preset: 'suite', runs: { min: 3, max: 3 }, runDurationMs: 3_000 }],
    [
      'publish preset from LAB_PRESET: fixed runs of a fixed length',
      { LAB_PRESET: 'publish' },
      {},
      { preset: 'publish', warmupMs: 3_000, runs: { min: 5, max: 5 }, runDurationMs: 10_000 },
    ],
    [
      'env over scenario and defaults',
      { LAB_RUNS: '4..6', LAB_DURATION_MS: '2000', LAB_WARMUP_MS: '0' },
      {},
      { runs: { min: 4, max: 6 }, runDurationMs: 2_000, warmupMs: 0 },
    ],
    [
      'options over env',
      { LAB_RUNS: '4..6', LAB_DRIVER: 'wrk', LAB_SEED: '9' },
      { runs: { min: 2, max: 2 }, driver: 'native' as const },
      { runs: { min: 2, max: 2 }, driver: 'native', seed: 9 },
    ],
    ['env preset, option duration', { LAB_PRESET: 'quick' }, { durationMs: 7_000 }, { preset: 'quick', runDurationMs: 7_000, runs: { min: 2, max: 3 } }],
    ['a min above the default max raises the max', {}, { runs: { min: 12 } }, { runs: { min: 12, max: 12 } }],
    ['profile from env', { LAB_PROFILE: 'none' }, {}, { profile: expect.objectContaining({ name: 'none' }) }],
  ])('precedence: %s', (_name, env, options, expected) => {
    expect(planCell(input({ env, options }))).toMatchObject(expected);
  });

  it('records where each value came from', () => {
    const plan = planCell(input({ env: { LAB_WARMUP_MS: '100', LAB_SEED: '3' }, options: { seed: 4 } }));
    expect(plan.origins).toMatchObject({ warmupMs: 'env', seed: 'option', durationMs: 'scenario', driver: 'default' });
  });

  it('reports every bad value at once', () => {
    const problems = invalid(() =>
      planCell(input({ env: { LAB_RUNS: 'lots', LAB_DRIVER: 'k6' }, options: { precision: 2, warmupMs: -1, runs: { min: 5, max: 3 } } })),
    );
    expect(problems.map((p) => p.split(':')[0])).toEqual(['LAB_RUNS', 'LAB_DRIVER', 'warmupMs', 'runs', 'precision']);
  });

  it('refuses wrk for a load that is not closed, and loadgen for one that is neither closed nor a sweep', () => {
    const scenario = healthScenario({ kind: 'open', ratePerSec: 100, durationMs: 1_000, maxInFlight: 10 });
    expect(invalid(() => planCell(input({ scenario, options: { driver: 'wrk' } })))).toEqual([expect.stringMatching(/^driver: wrk drives closed loads only/)]);
    expect(invalid(() => planCell(input({ scenario, env: { LAB_DRIVER: 'loadgen' } })))).toEqual([
      expect.stringMatching(/^driver: loadgen drives closed loads and sweeps only/),
    ]);
    const sweep = { startRatePerSec: 100, stepRatePerSec: 100, maxSteps: 3, p99Ms: 250 };
    expect(invalid(() => planCell(input({ options: { driver: 'wrk', sweep } })))).toEqual([expect.stringMatching(/^driver: wrk drives closed loads only/)]);
    expect(planCell(input({ options: { driver: 'loadgen', sweep } }))).toMatchObject({ driver: 'loadgen', load: { kind: 'sweep', maxInFlight: 256 } });
  });

  describe('driver auto', () => {
    const fixed = { driver: 'loadgen' as const, reason: 'closed load with a fixed request mix (1 request per iteration)' };

    it('takes the probed choice and says why', () => {
      const plan = planCell(input({ autoDriver: fixed }));
      expect([plan.driver, plan.driverChoice, plan.origins.driver]).toEqual([
        'loadgen',
        'loadgen: closed load with a fixed request mix (1 request per iteration)',
        'default',
      ]);
      const flow = {
        driver: 'native' as const,
        reason: "the scenario's iteration is a flow the generator cannot express: it sends different requests per iteration",
      };
      expect(planCell(input({ autoDriver: flow }))).toMatchObject({ driver: 'native', driverChoice: `native: ${flow.reason}` });
    });

    it('keeps native without a probe, and for loads the generator cannot run whatever the probe said', () => {
      expect(planCell(input())).toMatchObject({ driver: 'native', driverChoice: 'native: the iteration was not probed for a fixed request mix' });
      const open = healthScenario({ kind: 'open', ratePerSec: 100, durationMs: 1_000, maxInFlight: 10 });
      expect(planCell(input({ scenario: open, autoDriver: fixed }))).toMatchObject({
        driver: 'native',
        driverChoice: expect.stringMatching(/^native: the open load model needs the native driver/),
      });
      const sweep = { startRatePerSec: 100, stepRatePerSec: 100, maxSteps: 3, p99Ms: 250 };
      expect(planCell(input({ options: { sweep }, autoDriver: fixed }))).toMatchObject({
        driver: 'native',
        driverChoice: expect.stringMatching(/^native: a sweep is measured with the native driver unless asked otherwise/),
      });
    });

    it('is the default, and an explicit driver wins (saying who asked)', () => {
      expect(planCell(input({ options: { driver: 'auto' }, autoDriver: fixed })).driver).toBe('loadgen');
      expect(planCell(input({ options: { driver: 'native' }, autoDriver: fixed }))).toMatchObject({
        driver: 'native',
        driverChoice: 'native: asked for by --driver',
      });
      expect(planCell(input({ env: { LAB_DRIVER: 'wrk' }, autoDriver: fixed }))).toMatchObject({ driver: 'wrk', driverChoice: 'wrk: asked for by LAB_DRIVER' });
      expect(planCell(input({ env: { LAB_DRIVER: 'loadgen' } }))).toMatchObject({ driver: 'loadgen', driverChoice: 'loadgen: asked for by LAB_DRIVER' });
      expect(planCell(input({ env: { LAB_DRIVER: 'auto' }, autoDriver: fixed })).driver).toBe('loadgen');
    });
  });

  it('rejects an unknown variant and an unknown profile by code', () => {
    expect(() => planCell(input({ options: { variant: 'nope' } }))).toThrow(expect.objectContaining({ code: 'LAB_VARIANT_UNKNOWN' }));
    expect(() => planCell(input({ options: { profile: 'huge' } }))).toThrow(expect.objectContaining({ code: 'LAB_ISOLATION_PROFILE_UNKNOWN' }));
  });

  it('applies a duration override to each sweep step', () => {
    const load = {
      kind: 'sweep' as const,
      startRatePerSec: 100,
      stepRatePerSec: 100,
      stepDurationMs: 10_000,
      maxSteps: 3,
      slo: { percentile: 99 as const, maxLatencyMs: 50, maxErrorRate: 0.01 },
    };
    const scenario = healthScenario(load);
    const plan = planCell(input({ scenario, options: { durationMs: 2_000 } }));
    expect(plan.load).toMatchObject({ kind: 'sweep', stepDurationMs: 2_000 });
    expect(plan.runDurationMs).toBe(6_000);
  });

  it('sets the VUs of a closed load from the vus option', () => {
    const plan = planCell(input({ options: { vus: 50 } }));
    expect(plan.load).toEqual({ kind: 'closed', vus: 50, durationMs: 30_000 });
    expect(plan.origins.vus).toBe('option');
  });

  it('replaces the load by a sweep whose steps last a run, with the p99 SLO and the error limit, on the native driver', () => {
    const plan = planCell(
      input({ options: { sweep: { startRatePerSec: 20, stepRatePerSec: 10, maxSteps: 4, p99Ms: 250 }, durationMs: 3_000, maxErrorRate: 0.02 } }),
    );
    expect(plan.load).toEqual({
      kind: 'sweep',
      startRatePerSec: 20,
      stepRatePerSec: 10,
      stepDurationMs: 3_000,
      maxSteps: 4,
      maxInFlight: 256,
      slo: { percentile: 99, maxLatencyMs: 250, maxErrorRate: 0.02 },
    });
    expect(plan.scenario.load.kind).toBe('sweep');
    expect(plan.driver).toBe('native');
  });

  it("keeps enough requests in flight for the sweep's top rate at the SLO's latency (Little's law), at least 256", () => {
    // 1,000 + 15 × 1,000 = 16,000 req/s at 250 ms: 4,000 in flight; a 100 ms wait then caps no server below the top.
    expect(sweepMaxInFlight({ startRatePerSec: 1000, stepRatePerSec: 1000, maxSteps: 16, p99Ms: 250 })).toBe(4000);
    expect(sweepMaxInFlight({ startRatePerSec: 5, stepRatePerSec: 5, maxSteps: 16, p99Ms: 250 })).toBe(256);
    const plan = planCell(input({ options: { sweep: { startRatePerSec: 400, stepRatePerSec: 400, maxSteps: 16, p99Ms: 250 } } }));
    expect(plan.load).toMatchObject({ kind: 'sweep', maxInFlight: 1600 });
  });

  it("keeps at most the Go generator's 10,000 connections in flight, however high the sweep's top", () => {
    // 4,000 + 15 × 4,000 = 64,000 req/s at 250 ms would need 16,000.
    expect(sweepMaxInFlight({ startRatePerSec: 4000, stepRatePerSec: 4000, maxSteps: 16, p99Ms: 250 })).toBe(10_000);
    expect(sweepMaxInFlight({ startRatePerSec: 2500, stepRatePerSec: 2500, maxSteps: 16, p99Ms: 250 })).toBe(10_000);
  });

  it('rejects VUs on a sweep, a sweep with zero steps and wrk on a sweep', () => {
    const problems = invalid(() =>
      planCell(input({ options: { vus: 10, driver: 'wrk', sweep: { startRatePerSec: 20, stepRatePerSec: 10, maxSteps: 0, p99Ms: 250 } } })),
    );
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['driver', 'sweep.maxSteps', 'vus']);
  });
});

describe('parseRuns', () => {
  it.each([
    ['3..10', { min: 3, max: 10 }],
    ['5', { min: 5, max: 5 }],
    ['2..', { min: 2 }],
    ['..4', { max: 4 }],
    ['x', undefined],
    ['..', undefined],
  ])('%s', (text, expected) => expect(parseRuns(text)).toEqual(expected));
});
