import type { DriverResult, MetricBucket } from '@lab/engine';
import { createLatencyHistogram, encodeHistogram, parseResult, percentilesFromHistogram, mergeHistograms } from '@lab/results';
import { describe, expect, it } from 'vitest';
import { BENCH_DEFAULTS } from './bench-options';
import { buildResult, observedInExpressionUnit, type ResultInput } from './build-result';
import { cellObserved, type Observed } from './observe';
import { repetitionDone } from './assemble-result';
import type { CellEvent } from './events';
import { planCell, type CellPlan } from './plan-cell';
import { judgeValidity } from './judge-validity';
import { concurrencyOf, toRunFigures, type MeasuredRun } from './run-record';
import { fixtureManifest, healthScenario } from './testing/fixtures';

const plan = planCell({
  implementation: { id: 'fixture-impl', dir: '/nowhere', manifest: fixtureManifest('node server.mjs') },
  scenario: healthScenario(),
  workspaceRoot: '/ws',
  host: { cores: 2 },
  options: { runs: { min: 2, max: 3 } },
});

/** A bucket of `count` latencies spread around `medianUs`; with an HDR histogram unless `wrk`. */
function bucket(count: number, medianUs: number, wrk: boolean): MetricBucket {
  const h = createLatencyHistogram();
  for (let i = 0; i < count; i++) h.recordValue(Math.round(medianUs * (0.5 + i / count)));
  const p = percentilesFromHistogram(h);
  const percentilesUs = { '50': p.p50, '90': p.p90, '95': p.p95, '99': p.p99, '99.9': p.p999 };
  const latency = { count, minUs: h.minNonZeroValue, maxUs: h.maxValue, meanUs: h.mean, stdevUs: h.stdDeviation, percentilesUs };
  return { requests: count, errors: 0, latency, ...(wrk ? {} : { histogram: encodeHistogram(h) }) };
}

function run(index: number, ratePerSec: number, medianUs: number, wrk = false): MeasuredRun {
  const overall = bucket(1000, medianUs, wrk);
  const result = {
    driver: wrk ? 'wrk' : 'native',
    loadKind: 'closed',
    histogramSource: wrk ? 'wrk-percentiles' : 'hdr',
    durationMs: 1000,
    requests: 1000,
    ratePerSec,
    bytesReceived: 0,
    statuses: { '200': 1000 },
    errors: { timeout: 0, connect: 0, reset: 0, non2xx: 0, check: 0, iteration: 0, other: 0 },
    checks: { 'status is 200': { passed: 1000, failed: 0 } },
    groups: {},
    endpoints: { health: overall },
    overall,
    timeline: [],
    trends: {},
    counters: {},
    extras: {},
    iterations: { completed: 1000, dropped: 0 },
    unmeasuredRequests: 0,
    inFlightUs: wrk ? null : 10 * 1e6,
    generatorCpuSeconds: 0.4,
    interrupted: false,
    notes: [],
  } as DriverResult;
  const role = { cpuSeconds: 0.2, peakRssBytes: 50_000_000, oomKilled: false };
  return {
    index,
    startedAt: new Date(Date.UTC(2026, 10, 26, 18, index)).toISOString(),
    result,
    backgroundCpuCores: 0.02,
    generatorCpuCores: 0.4,
    stealCpuCores: 0,
    roles: { server: role, database: role, redis: role, generator: role },
    quiet: { quiet: true, busyCores: 0.01, waitedMs: 1000 },
    observed: {},
  };
}

function input(runs: MeasuredRun[]): ResultInput {
  const none = { enforced: true };
  return {
    plan,
    runs,
    provenance: {
      gitSha: 'abcdef0',
      gitDirty: false,
      hostFingerprint: { cpuModel: 'cpu', cores: 2, memoryBytes: 1 << 30, arch: 'x64', kernel: 'k', node: 'v20' },
      toolVersions: { node: 'v20' },
      createdAt: '2026-11-26T18:00:00.000Z',
    },
    isolation: { mechanism: 'cgroup-v1', enforced: { server: none, database: none, redis: none, generator: none, helpers: none } },
    validity: { verdict: 'valid', reasons: [] },
    extras: {},
  };
}

describe('buildResult', () => {
  it('merges the runs’ histograms and reads percentiles from the merge (never averaged)', () => {
    const runs = [run(0, 1000, 400), run(1, 1100, 800)];
    const result = parseResult(buildResult(input(runs)));
    const merged = mergeHistograms(runs.map((r) => r.result.overall.histogram!));
    expect(result.stats?.percentilesUs).toEqual(percentilesFromHistogram(merged));
    expect(result.stats?.estimate).toBeCloseTo(Math.sqrt(1000 * 1100), 9);
    expect(result.stats).toMatchObject({ runs: 2, ci: { kind: 'range', low: 1000, high: 1100, confidence: null, method: null } });
    expect(result.histograms?.perRun).toHaveLength(2);
    expect(result.resources.server).toMatchObject({ cpuSeconds: 0.4, cpuSecondsPer1kRequests: 0.2 });
    expect(result.thresholds).toEqual([{ expression: 'errors < 1%', ok: true, observed: 0 }]);
  });

  it("writes each run's per-second timeline (driver traffic, sampled roles) and leaves it out where there is none", () => {
    const sampled = run(0, 1000, 400);
    sampled.result.timeline = [{ second: 0, requests: 1000, errors: 0, p50Us: 390, p99Us: 900 }];
    sampled.roleSampling = {
      samples: [
        { atMs: 0, roles: { server: { cpuSeconds: 1, rssBytes: 5_000_000 } } },
        { atMs: 1_000, roles: { server: { cpuSeconds: 1.5, rssBytes: 6_000_000 } } },
      ],
      busyMs: 2,
    };
    const result = parseResult(buildResult(input([sampled, run(1, 1100, 800)])));
    expect(result.runs[0]!.timeline).toEqual({
      seconds: 1,
      requests: [1000],
      errors: [0],
      p50Us: [390],
      p99Us: [900],
      cpuCores: { server: [0.5] },
      rssBytes: { server: [6_000_000] },
    });
    expect(result.runs[1]!.timeline).toBeUndefined();
  });

  it('represents wrk runs as wrk-percentiles: no histograms, per-run percentiles, median of runs', () => {
    const runs = [run(0, 1000, 400, true), run(1, 1100, 800, true), run(2, 1050, 600, true)];
    const result = parseResult(buildResult(input(runs)));
    expect(result.histogramSource).toBe('wrk-percentiles');
    expect(result.histograms).toBeNull();
    expect(result.runs.every((r) => r.percentilesUs !== undefined)).toBe(true);
    expect(result.stats).toMatchObject({ percentilesFrom: 'median-of-runs', percentilesUs: { p50: runs[2]!.result.overall.latency.percentilesUs['50'] } });
  });

  it('states a t interval on log rates from 3 runs, and records the preset, the gate and what each run dropped and sent unmeasured', () => {
    const result = parseResult(buildResult(input([run(0, 1000, 400), run(1, 1100, 800), run(2, 1050, 600)])));
    expect(result.stats?.ci).toMatchObject({ kind: 'ci', method: 't-log', confidence: 0.95 });
    expect(result.plan).toMatchObject({ preset: plan.preset, gated: plan.gate });
    expect(result.runs[0]).toMatchObject({ droppedIterations: 0, unmeasuredRequests: 0, stealCpuCores: 0, concurrency: 10 });
  });

  it("counts unmeasured requests' time in Little's L, so a scenario with set-up calls is not called generator-bound", () => {
    // 1,000 measured requests of ~5 ms mean in 1 s on 10 VUs: measured time alone says L ≈ 5;
    // the VUs spent the other half in unmeasured set-up calls, which the driver counted.
    const r = run(0, 1000, 5000);
    const withSetup: MeasuredRun = { ...r, result: { ...r.result, unmeasuredRequests: 1000, inFlightUs: 10 * 1e6 } };
    expect(concurrencyOf(withSetup.result)).toBeCloseTo(10, 9);
    const figures = [withSetup, withSetup, withSetup].map(toRunFigures);
    expect(judgeValidity({ runs: figures, maxRuns: 10, load: { kind: 'closed', vus: 10 }, limits: BENCH_DEFAULTS.validity }).verdict).toBe('valid');
    const measuredOnly = { ...r.result, inFlightUs: r.result.overall.latency.meanUs * 1000 };
    expect(concurrencyOf(measuredOnly)).toBeLessThan(8.5);
  });

  it('writes a crashed cell without runs', () => {
    const result = parseResult(buildResult({ ...input([]), validity: { verdict: 'crashed', reasons: ['exited with code 3'] } }));
    expect(result).toMatchObject({ runs: [], stats: null, validity: { verdict: 'crashed' } });
  });

  it('keeps the validity limits the plan used', () => {
    expect(plan.validity).toEqual(BENCH_DEFAULTS.validity);
  });
});

describe('cellObserved', () => {
  it('pools queries over runs and counts leak runs', () => {
    const runs: Observed[] = [
      { 'queriesPerRequest.statements': 30, 'queriesPerRequest.requests': 10, 'serverMemory.verdict': 'leak' },
      { 'queriesPerRequest.statements': 10, 'queriesPerRequest.requests': 10, 'serverMemory.verdict': 'stable', 'serverMemory.growthBytes': 5 },
    ];
    expect(cellObserved(runs)).toEqual({
      'serverMemory.verdict': 'stable',
      'serverMemory.growthBytes': 5,
      'serverMemory.leakRuns': 1,
      'queriesPerRequest.statements': 40,
      'queriesPerRequest.requests': 20,
      'queriesPerRequest.all': 2,
    });
  });

  it('is empty when nothing was observed', () => expect(cellObserved([{}, {}])).toEqual({}));
});

describe('observedInExpressionUnit', () => {
  it.each([
    ['p95 < 500ms', 5871, 5.871],
    ['p99 < 2s', 1_500_000, 1.5],
    ['avg < 800us', 640, 640],
    ['max < 300', 1000, 1],
    ['errors < 1%', 0.5, 0.5],
    ['rate > 100/s', 250, 250],
  ])('%s observed at %d (engine units) → %d', (expression, actual, expected) => {
    expect(observedInExpressionUnit(expression, actual)).toBeCloseTo(expected, 9);
  });

  it('keeps a missing value missing', () => expect(observedInExpressionUnit('p95 < 500ms', null)).toBeNull());
});

describe('repetitionDone', () => {
  const sweepPlan = planCell({
    implementation: { id: 'fixture-impl', dir: '/nowhere', manifest: fixtureManifest('node server.mjs') },
    scenario: healthScenario(),
    workspaceRoot: '/ws',
    host: { cores: 2 },
    options: { runs: { min: 3, max: 5 }, sweep: { startRatePerSec: 500, stepRatePerSec: 500, maxSteps: 8, p99Ms: 250 } },
  });
  const closedPlan = { ...sweepPlan, load: { kind: 'closed', vus: 10, durationMs: 1_000 } } as CellPlan;
  /** Three runs whose mean rates differ by ±20 % and whose sweeps all reached `capacities`. */
  const sweptRuns = (capacities: (number | null)[]) =>
    capacities.map((capacityRatePerSec, i) => {
      const r = run(i, [8_000, 10_000, 12_000][i]!, 400);
      return {
        ...r,
        result: {
          ...r.result,
          loadKind: 'sweep',
          sweep: { slo: { percentile: 99, maxLatencyMs: 250, maxErrorRate: 0.01 }, steps: [], capacityRatePerSec, generatorStalled: false },
        },
      } as MeasuredRun;
    });

  it("ends a sweep's repetition on its capacities, not on its runs' mean rates", () => {
    const events: CellEvent[] = [];
    expect(repetitionDone(sweepPlan, sweptRuns([1_500, 1_500, 1_500]), (e) => events.push(e))).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'run', ratePerSec: 1_500, ci: { estimate: 1_500 }, precise: true, remainingMax: 0 });
    expect(repetitionDone(closedPlan, sweptRuns([1_500, 1_500, 1_500]))).toBe(false);
  });

  it('keeps repeating a sweep while its capacities differ or one run reached none', () => {
    expect(repetitionDone(sweepPlan, sweptRuns([1_000, 1_500, 2_000]))).toBe(false);
    expect(repetitionDone(sweepPlan, sweptRuns([1_500, null, 1_500]))).toBe(false);
  });
});
