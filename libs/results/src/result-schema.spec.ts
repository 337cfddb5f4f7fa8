import { describe, expect, it } from 'vitest';
import { parseResult } from './parse-result';
import { resultFileSchema, type ResultFile } from './result-schema';
import { fixtureResult } from './testing/fixture-result';

/** Expects parseResult to throw LAB_RESULT_INVALID and returns the issue paths. */
function invalidPaths(value: unknown): string[] {
  try {
    parseResult(value, 'fixture.json');
  } catch (error) {
    expect(error).toMatchObject({ code: 'LAB_RESULT_INVALID', file: 'fixture.json' });
    return (error as { issues: { path: string }[] }).issues.map((i) => i.path).sort();
  }
  return expect.fail('expected LAB_RESULT_INVALID');
}

describe('resultFileSchema', () => {
  it('accepts the full fixture unchanged', () => {
    const fixture = fixtureResult();
    expect(resultFileSchema.parse(fixture)).toEqual(fixture);
  });

  it.each<ResultFile['cell']['loadModel']>([
    { kind: 'open', ratePerSec: 5000, durationMs: 30_000, maxVus: 512 },
    { kind: 'sweep', steps: [{ ratePerSec: 1000, durationMs: 10_000 }], slo: { percentile: 99, latencyUs: 50_000 } },
  ])('accepts load model %j', (loadModel) => {
    const result = fixtureResult();
    result.cell.loadModel = loadModel;
    expect(() => parseResult(result)).not.toThrow();
  });

  it('accepts a crashed cell without runs or stats', () => {
    const result = fixtureResult();
    const validity = { verdict: 'crashed', reasons: ['server exited with code 1'] };
    Object.assign(result, { runs: [], stats: null, validity });
    result.histograms!.perRun = [];
    expect(() => parseResult(result)).not.toThrow();
  });

  it('accepts a wrk-driven cell: no histograms, per-run percentiles, median-of-runs stats', () => {
    const result = fixtureResult();
    const percentilesUs = { p50: 300, p90: 700, p95: 900, p99: 1500, p999: 4000, max: 9000 };
    result.histogramSource = 'wrk-percentiles';
    result.histograms = null;
    for (const run of result.runs) run.percentilesUs = percentilesUs;
    result.stats = { ...result.stats!, percentilesUs, percentilesFrom: 'median-of-runs' };
    result.cell.loadModel = { kind: 'closed', vus: 50, durationMs: 30_000 };
    expect(parseResult(result).histograms).toBeNull();
  });

  it('rejects wrk percentiles mixed with histograms, or missing per-run percentiles', () => {
    const result = fixtureResult();
    result.histogramSource = 'wrk-percentiles';
    expect(invalidPaths(result)).toEqual(['histograms', 'runs[0].percentilesUs', 'runs[1].percentilesUs', 'runs[2].percentilesUs', 'stats.percentilesFrom']);
    const hdr = fixtureResult();
    hdr.histograms = null;
    expect(invalidPaths(hdr)).toEqual(['histograms']);
  });

  it('accepts a run with a per-second timeline, and one with resources only (wrk reports no traffic timeline)', () => {
    const result = fixtureResult();
    result.runs[0]!.timeline = {
      seconds: 3,
      requests: [900, 1000, 1010],
      errors: [0, 1, 0],
      p50Us: [700, 610, 600],
      p99Us: [null, 2400, 2300],
      cpuCores: { server: [0.91, 0.98, 0.99], generator: [0.4, 0.42, null] },
      rssBytes: { server: [61_440_000, 62_464_000, 62_464_000] },
    };
    result.runs[1]!.timeline = { seconds: 2, cpuCores: { database: [0.2, 0.21] }, rssBytes: {} };
    expect(parseResult(result).runs[0]!.timeline?.requests).toEqual([900, 1000, 1010]);
  });

  it('rejects a timeline whose columns disagree with its seconds, or with only part of the traffic', () => {
    const result = fixtureResult();
    result.runs[0]!.timeline = {
      seconds: 3,
      requests: [1, 2, 3],
      errors: [0, 0, 0],
      p50Us: [1, 1],
      p99Us: [2, 2, 2],
      cpuCores: { server: [0.5] },
      rssBytes: {},
    };
    result.runs[1]!.timeline = { seconds: 1, requests: [5], cpuCores: {}, rssBytes: {} };
    expect(invalidPaths(result)).toEqual(['runs[0].timeline.cpuCores.server', 'runs[0].timeline.p50Us', 'runs[1].timeline']);
  });

  it('accepts an open-stages load model', () => {
    const result = fixtureResult();
    result.cell.loadModel = {
      kind: 'open-stages',
      stages: [
        { ratePerSec: 100, durationMs: 5000 },
        { ratePerSec: 400, durationMs: 5000 },
      ],
      maxVus: 64,
    };
    expect(() => parseResult(result)).not.toThrow();
  });

  it('rejects a broken file and lists every problem path at once', () => {
    const broken = fixtureResult() as unknown as Record<string, any>;
    broken.cell.loadModel = { kind: 'closed', vus: 0, durationMs: 30_000 };
    broken.provenance.gitSha = 'not-a-sha';
    delete broken.provenance.hostFingerprint.cores;
    broken.provenance.createdAt = 'yesterday';
    broken.plan.driver = 'k6';
    broken.runs[1].errors.timeout = -1;
    broken.runs[2].latencyP99 = 12; // averaged percentiles have no place in a run
    broken.histograms.merged.latencyUs = 'not base64!';
    broken.stats.percentilesUs.p99 = 1.5;
    broken.resources.server.oomKilled = 'no';
    broken.limits.mechanism = 'docker';
    broken.validity.verdict = 'fast';
    broken.extras.nested = { a: 1 };
    broken.thresholds[0].ok = 1;
    broken.unexpected = true;
    expect(invalidPaths(broken)).toEqual(
      [
        'cell.loadModel.vus',
        'provenance.gitSha',
        'provenance.hostFingerprint.cores',
        'provenance.createdAt',
        'plan.driver',
        'runs[1].errors.timeout',
        'runs[2].latencyP99',
        'histograms.merged.latencyUs',
        'stats.percentilesUs.p99',
        'resources.server.oomKilled',
        'limits.mechanism',
        'validity.verdict',
        'extras.nested',
        'thresholds[0].ok',
        'unexpected',
      ].sort(),
    );
  });

  it('names the file and every path in the message', () => {
    const broken = fixtureResult() as unknown as Record<string, any>;
    broken.plan.minRuns = 'three';
    broken.runs[0].requests = 1.5;
    expect(() => parseResult(broken, 'results/x.json')).toThrow(/results\/x\.json[\s\S]*plan\.minRuns[\s\S]*runs\[0\]\.requests/);
  });

  it.each<[string, (r: ResultFile) => void, string[]]>([
    ['minRuns above maxRuns', (r) => void (r.plan.minRuns = 20), ['plan.minRuns']],
    ['more runs than maxRuns', (r) => void Object.assign(r.plan, { minRuns: 1, maxRuns: 2 }), ['runs']],
    ['a run index out of order', (r) => void (r.runs[1]!.index = 5), ['runs[1].index']],
    ['run histograms not aligned with runs', (r) => void r.histograms!.perRun.pop(), ['histograms.perRun']],
    ['stats.runs disagreeing with runs', (r) => void (r.stats!.runs = 4), ['stats.runs']],
    ['an estimate outside its CI', (r) => void (r.stats!.estimate = 1), ['stats.ci']],
    ['descending percentiles', (r) => void (r.stats!.percentilesUs.p999 = 1), ['stats.percentilesUs.p999']],
    ['an invalid verdict without reasons', (r) => void (r.validity.verdict = 'noisy'), ['validity.reasons']],
    ['limits enforced by nothing', (r) => void (r.limits.mechanism = 'none'), ['limits.enforced']],
  ])('rejects %s', (_, mutate, paths) => {
    const result = fixtureResult();
    mutate(result);
    expect(invalidPaths(result)).toEqual(paths);
  });

  it.each([3, 0, '2'])('reports schemaVersion %j as LAB_RESULT_VERSION_MISMATCH', (schemaVersion) => {
    const result = { ...fixtureResult(), schemaVersion };
    expect(() => parseResult(result, 'old.json')).toThrow(expect.objectContaining({ code: 'LAB_RESULT_VERSION_MISMATCH', file: 'old.json' }));
    expect(() => parseResult(result)).toThrow(/schemaVersion .*this lab reads schemaVersion 2 \(and 1\)/);
  });

  it('reads a schema-1 file: unrecorded fields become null, the interval is recomputed and labelled', () => {
    const v2 = fixtureResult();
    const v1 = structuredClone(v2) as unknown as Record<string, any>;
    v1.schemaVersion = 1;
    delete v1.plan.preset;
    delete v1.plan.gated;
    for (const run of v1.runs) for (const key of ['stealCpuCores', 'droppedIterations', 'unmeasuredRequests', 'concurrency']) delete run[key];
    // What schema 1 wrote: a percentile-bootstrap CI of the median, called 95 %.
    v1.stats.estimate = 10234.5;
    v1.stats.ci = { low: 9876.2, high: 10450.1, confidence: 0.95 };
    const read = parseResult(v1);
    expect(read.schemaVersion).toBe(2);
    expect(read.plan).toMatchObject({ preset: null, gated: null });
    expect(read.runs[0]).toMatchObject({ stealCpuCores: null, droppedIterations: null, unmeasuredRequests: null, concurrency: null });
    expect(read.stats!.estimate).toBeCloseTo(v2.stats!.estimate, 9);
    expect(read.stats!.ci).toEqual(v2.stats!.ci);
    expect(read.stats!.ci).toMatchObject({ kind: 'ci', method: 't-log', confidence: 0.95 });
  });

  it('labels two runs a range and one run no interval, never a CI', () => {
    const two = fixtureResult();
    two.runs.pop();
    two.histograms!.perRun.pop();
    Object.assign(two.stats!, { runs: 2, estimate: 10000, ci: { kind: 'range', method: null, low: 9876.2, high: 10234.5, confidence: null } });
    expect(() => parseResult(two)).not.toThrow();
    two.stats!.ci.confidence = 0.95;
    expect(invalidPaths(two)).toEqual(['stats.ci.confidence']);
  });

  it('treats a missing schemaVersion as an invalid file', () => {
    const { schemaVersion: _, ...rest } = fixtureResult();
    expect(invalidPaths(rest)).toEqual(['schemaVersion']);
  });
});
