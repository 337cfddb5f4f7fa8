/**
 * A complete, valid result file for tests (and an example of how `bench` fills one in):
 * three runs of a closed-model cell with two groups and two endpoints, real encoded
 * histograms from seeded synthetic latencies, percentiles from the merged histogram and a
 * t interval on the log run rates (`cellInterval`). Deterministic; each call returns a fresh object.
 */
import { coefficientOfVariation, createRandom } from '@lab/stats';
import { cellInterval } from '../cell-interval';
import { createLatencyHistogram, encodeHistogram, mergeHistograms } from '../histogram';
import { percentilesFromHistogram } from '../percentiles-from-histogram';
import type { HistogramSet, Run } from '../run-schema';
import type { ResultFile } from '../result-schema';

const GROUPS = { read: 'GET /users/{id}', write: 'POST /orders' } as const;
const RATES_PER_SEC = [10234.5, 9876.2, 10450.1];
const RUN_DURATION_MS = 30_000;

/** Latencies (µs) of one endpoint in one run: log-normal around `medianUs`, seeded. */
function syntheticLatenciesUs(count: number, medianUs: number, seed: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.max(1, Math.round(medianUs * Math.exp(0.4 * z)));
  });
}

function runHistograms(runIndex: number): HistogramSet {
  const perEndpoint = Object.fromEntries(
    Object.values(GROUPS).map((endpoint, i) => {
      const h = createLatencyHistogram();
      for (const v of syntheticLatenciesUs(2000, i === 0 ? 800 : 2500, 100 * runIndex + i)) h.recordValue(v);
      return [endpoint, h] as const;
    }),
  );
  return {
    latencyUs: encodeHistogram(mergeHistograms(Object.values(perEndpoint))),
    perGroupLatencyUs: Object.fromEntries(Object.entries(GROUPS).map(([group, endpoint]) => [group, encodeHistogram(perEndpoint[endpoint]!)])),
    perEndpointLatencyUs: Object.fromEntries(Object.entries(perEndpoint).map(([e, h]) => [e, encodeHistogram(h)])),
  };
}

function run(index: number, ratePerSec: number): Run {
  const requests = Math.round((ratePerSec * RUN_DURATION_MS) / 1000);
  const traffic = (share: number, p50: number) => ({
    requests: Math.round(requests * share),
    errors: 0,
    ratePerSec: ratePerSec * share,
    latencyUs: { mean: p50 * 1.1, p50, p90: p50 * 2, p95: p50 * 3, p99: p50 * 4, max: p50 * 9 },
  });
  return {
    index,
    startedAt: new Date(Date.UTC(2026, 10, 26, 17, 0, 0) + index * 40_000).toISOString(),
    durationMs: RUN_DURATION_MS,
    requests,
    ratePerSec,
    errors: { timeout: 0, reset: 0, non2xx: 1, checkFailed: 0, other: 0 },
    backgroundCpuCores: 0.03,
    generatorCpuCores: 0.62,
    stealCpuCores: 0,
    droppedIterations: 0,
    unmeasuredRequests: 0,
    concurrency: 63.2,
    perGroup: { read: traffic(0.8, 800), write: traffic(0.2, 2500) },
    perEndpoint: { [GROUPS.read]: traffic(0.8, 800), [GROUPS.write]: traffic(0.2, 2500) },
  };
}

let cached: ResultFile | undefined;

/** A fresh (deep-copied), valid {@link ResultFile}; mutate it freely. */
export function fixtureResult(): ResultFile {
  cached ??= buildFixture();
  return structuredClone(cached);
}

function buildFixture(): ResultFile {
  const perRun = RATES_PER_SEC.map((_, i) => runHistograms(i));
  const mergedSet = (pick: (s: HistogramSet) => Record<string, string>) =>
    Object.fromEntries(Object.keys(pick(perRun[0]!)).map((k) => [k, encodeHistogram(mergeHistograms(perRun.map((s) => pick(s)[k]!)))]));
  const merged = mergeHistograms(perRun.map((s) => s.latencyUs));
  const { estimate, ci } = cellInterval(RATES_PER_SEC);
  return {
    schemaVersion: 2,
    cell: {
      implementation: 'node-fastify',
      variant: 'default',
      scenario: '01-crud',
      profile: 'default',
      loadModel: { kind: 'closed', vus: 64, durationMs: RUN_DURATION_MS },
    },
    provenance: {
      gitSha: 'e0d3cb9a1b2c3d4e5f60718293a4b5c6d7e8f901',
      gitDirty: false,
      hostFingerprint: {
        cpuModel: 'AMD EPYC 7B13',
        cores: 2,
        memoryBytes: 8_589_934_592,
        arch: 'x64',
        kernel: '6.8.0-45-generic',
        node: 'v20.19.5',
        machineId: '3f2a9c',
      },
      toolVersions: { lab: '0.1.0', postgres: '16.4', redis: '7.2.5' },
      nxTaskHash: '1234567890abcdef',
      createdAt: '2026-11-26T17:05:00.000Z',
    },
    plan: {
      warmupMs: 10_000,
      runDurationMs: RUN_DURATION_MS,
      minRuns: 3,
      maxRuns: 10,
      precisionTarget: 0.02,
      driver: 'native',
      preset: 'standard',
      gated: true,
    },
    runs: RATES_PER_SEC.map((rate, i) => run(i, rate)),
    histograms: {
      merged: {
        latencyUs: encodeHistogram(merged),
        perGroupLatencyUs: mergedSet((s) => s.perGroupLatencyUs),
        perEndpointLatencyUs: mergedSet((s) => s.perEndpointLatencyUs),
      },
      perRun,
    },
    stats: {
      mainMetric: 'ratePerSec',
      estimate,
      ci,
      cv: coefficientOfVariation(RATES_PER_SEC),
      runs: RATES_PER_SEC.length,
      percentilesUs: percentilesFromHistogram(merged),
    },
    resources: {
      server: {
        cpuSeconds: 85.2,
        cpuSecondsPer1kRequests: 0.0938,
        peakRssBytes: 182_452_224,
        throttledPeriods: 12,
        oomKilled: false,
      },
      database: { cpuSeconds: 40.1, cpuSecondsPer1kRequests: 0.0441, peakRssBytes: 96_468_992, oomKilled: false },
      generator: { cpuSeconds: 55.8, cpuSecondsPer1kRequests: 0.0614, peakRssBytes: 120_000_000, oomKilled: false },
    },
    limits: {
      enforced: true,
      mechanism: 'cgroup-v2',
      perRole: { server: { cpus: 1, cpuset: '0', memoryBytes: 2_147_483_648 }, generator: { cpuset: '1' } },
    },
    validity: { verdict: 'valid', reasons: [] },
    extras: { queriesPerRequest: 1, cacheHitRatio: 0.97, lostUpdates: 0, isolation: 'read-committed', pooled: true },
    thresholds: [{ expression: 'p(99) < 50ms', ok: true, observed: 9.6 }],
  };
}
