import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as hdr from 'hdr-histogram-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScenarioSpec, defineScenario } from '../define-scenario';
import { REPORTED_PERCENTILES } from './driver-result';
import { chooseDriver, staticDriverChoice } from './driver-choice';
import { DEFAULT_LOADGEN_PATH, LOADGEN_DIR, LOADGEN_MAX_CONNECTIONS, type LoadgenOutput, buildLoadgenPlan, ensureLoadgen, totalSteps } from './loadgen';
import { runScenario } from '../run-scenario';
import { type FixtureServer, startFixtureServer } from '../testing/fixture-server';

const base: Omit<ScenarioSpec, 'iteration'> = {
  id: '93-loadgen-fixture',
  title: 'loadgen fixture',
  category: 'stress',
  description: 'exercises the Go load generator driver',
  endpoints: ['fixture'],
  load: { kind: 'closed', vus: 4, durationMs: 1000 },
};

describe('loadgen plan', () => {
  it('writes bodies as UTF-8 or base64, endpoints as the native driver names them, weights only when not 1', () => {
    const plan = buildLoadgenPlan(
      [
        { method: 'GET', path: '/users?page=2', headers: {}, weight: 1 },
        { method: 'POST', path: '/echo', headers: { 'content-type': 'application/json' }, body: '{"m":1}', weight: 3, endpoint: 'echo', group: 'G' },
        { method: 'POST', path: '/upload', headers: {}, body: Buffer.from([0, 255]), weight: 1, endpoint: 'upload' },
      ],
      { target: 'http://127.0.0.1:9', connections: 10, durationMs: 1500.4, graceMs: 5000 },
    );
    expect(plan).toEqual({
      target: 'http://127.0.0.1:9',
      connections: 10,
      durationMs: 1500,
      graceMs: 5000,
      requests: [
        { method: 'GET', path: '/users?page=2', endpoint: 'GET /users' },
        { method: 'POST', path: '/echo', headers: { 'content-type': 'application/json' }, body: '{"m":1}', weight: 3, endpoint: 'echo', group: 'G' },
        { method: 'POST', path: '/upload', bodyBase64: 'AP8=', endpoint: 'upload' },
      ],
    });
  });

  it('refuses more connections than the generator opens, with the limit the Go source declares', async () => {
    const source = await readFile(join(LOADGEN_DIR, 'plan.go'), 'utf8');
    const declared = /maxConnections\s*=\s*([\d_]+)/.exec(source)?.[1];
    expect(Number(declared?.replaceAll('_', ''))).toBe(LOADGEN_MAX_CONNECTIONS);
    const mix = [{ method: 'GET', path: '/', headers: {}, weight: 1 }];
    const load = { target: 'http://127.0.0.1:9', durationMs: 1000, graceMs: 0 };
    expect(buildLoadgenPlan(mix, { ...load, connections: LOADGEN_MAX_CONNECTIONS }).connections).toBe(LOADGEN_MAX_CONNECTIONS);
    expect(() => buildLoadgenPlan(mix, { ...load, connections: LOADGEN_MAX_CONNECTIONS + 1 })).toThrow(/at most 10,000 connections; this run asks for 10,001/);
  });
});

describe('a sweep with the Go generator', () => {
  /** A generator output with one endpoint whose latencies are `us`, and the given timeline. */
  const output = (us: number[], timeline: LoadgenOutput['timeline'], dropped: number): LoadgenOutput => {
    const h = hdr.build({
      bitBucketSize: 32,
      useWebAssembly: false,
      lowestDiscernibleValue: 1,
      highestTrackableValue: 60_000_000,
      numberOfSignificantValueDigits: 3,
    });
    for (const v of us) h.recordValue(v);
    const bucket = {
      requests: us.length,
      errors: 0,
      inFlightUs: 0,
      latencyUs: { count: us.length, min: 0, max: 0, mean: 0, stdev: 0, percentiles: {} },
      histogram: hdr.encodeIntoCompressedBase64(h),
    };
    return {
      client: 'epoll',
      connections: 8,
      plannedDurationMs: 1000,
      durationMs: 1000,
      requests: us.length,
      ratePerSec: us.length,
      statuses: { '200': us.length },
      errors: { timeout: 0, connect: 0, reset: 0, non2xx: 0, other: 0 },
      bytesReceived: 10 * us.length,
      inFlightUs: us.reduce((a, b) => a + b, 0),
      cpuSeconds: { user: 0.1, system: 0.1, total: 0.2 },
      targetRatePerSec: us.length,
      dropped,
      maxSendLagUs: 100,
      abandoned: 0,
      interrupted: false,
      overall: bucket,
      endpoints: { e: bucket },
      groups: {},
      perRequest: [us.length],
      timeline,
    };
  };

  it('totals its steps: counts added, histograms merged, timelines placed where each step began', () => {
    const first = output(
      [1000, 2000, 3000],
      [
        { second: 0, requests: 2, errors: 0, p50Us: 1000, p99Us: 2000 },
        { second: 1, requests: 1, errors: 0, p50Us: 3000, p99Us: 3000 },
      ],
      0,
    );
    const second = output([50_000, 60_000], [{ second: 0, requests: 2, errors: 0, p50Us: 50_000, p99Us: 60_000 }], 4);
    const r = totalSteps(
      [
        { output: first, secondOffset: 0 },
        { output: second, secondOffset: 1 },
      ],
      [{ method: 'GET', path: '/e', headers: {}, weight: 1, endpoint: 'e' }],
      2500,
    );
    expect(r).toMatchObject({
      driver: 'loadgen',
      loadKind: 'sweep',
      requests: 5,
      ratePerSec: 2,
      statuses: { '200': 5 },
      bytesReceived: 50,
      iterations: { completed: 5, dropped: 4 },
    });
    expect(r.generatorCpuSeconds).toBeCloseTo(0.4, 9);
    // The merged histogram holds all five latencies: its max is the second step's, its min the first's.
    expect(r.overall.latency.count).toBe(5);
    expect(r.endpoints.e!.latency.count).toBe(5);
    expect(r.overall.latency.minUs).toBe(1000);
    expect(r.overall.latency.maxUs).toBeGreaterThanOrEqual(59_990);
    // Second 1 has the first step's last second and the second step's first: counts add, the higher percentiles stay.
    expect(r.timeline).toEqual([
      { second: 0, requests: 2, errors: 0, p50Us: 1000, p99Us: 2000 },
      { second: 1, requests: 3, errors: 0, p50Us: 50_000, p99Us: 60_000 },
    ]);
    expect(r.notes.join(' ')).toMatch(/4 request\(s\) dropped/);
  });
});

describe('--driver auto', () => {
  const scenario = (spec: Partial<ScenarioSpec> & Pick<ScenarioSpec, 'iteration'>) => defineScenario({ ...base, ...spec });

  it('picks the Go generator for a closed load whose iteration always sends the same requests', async () => {
    const fixed = scenario({
      async iteration({ http, check, group }) {
        const res = await http.get('/fast', { endpoint: 'fast' });
        check('status is 200', res.status === 200);
        await group('G', () => http.post('/echo', { a: 1 }));
      },
    });
    expect(await chooseDriver(fixed)).toEqual({ driver: 'loadgen', reason: 'closed load with a fixed request mix (2 requests per iteration)' });
    const declared = scenario({ wrk: { requests: [{ method: 'GET', path: '/fast' }] }, iteration: async () => {} });
    expect(staticDriverChoice(declared)).toEqual({ driver: 'loadgen', reason: 'closed load with a declared fixed request mix' });
  });

  it('keeps the native driver for flows, open loads and what only the native driver records', async () => {
    const cases: Array<[string, ScenarioSpec['iteration'], Partial<ScenarioSpec>, RegExp]> = [
      ['varying', async ({ http }, vu) => void (await http.get(`/fast?id=${vu.random.int(1, 1e9)}`)), {}, /flow .* different requests per iteration/],
      ['per VU', async ({ http }, vu) => void (await http.get('/fast', { headers: { 'x-vu': String(vu.id) } })), {}, /different requests per iteration/],
      ['unmeasured', async ({ http }) => void (await http.del('/x', { measure: false })), {}, /flow .*measure: false/],
      ['trends', async ({ http, record }) => void (record('x_ms', 1), await http.get('/fast')), {}, /custom trends or counters/],
      ['throws', async ({ http }) => void (await http.get(`/users/${(await http.get('/me')).json().id}`)), {}, /could not be replayed without a server/],
      ['nothing', async () => {}, {}, /sends no request/],
      [
        'open',
        async ({ http }) => void (await http.get('/fast')),
        { load: { kind: 'open', ratePerSec: 10, durationMs: 1000, maxInFlight: 4 } },
        /open load model needs the native driver/,
      ],
      ['checks threshold', async ({ http }) => void (await http.get('/fast')), { thresholds: ['checks > 99%'] }, /thresholds read checks or trends/],
    ];
    for (const [name, iteration, spec, reason] of cases) {
      const choice = await chooseDriver(scenario({ ...spec, iteration }));
      expect(choice.driver, name).toBe('native');
      expect(choice.reason, name).toMatch(reason);
    }
  });
});

const goAvailable = spawnSync('go', ['version']).status === 0;
const canRun = goAvailable || existsSync(DEFAULT_LOADGEN_PATH);

/** Runs the binary on a plan and returns its raw output. */
async function runBinary(binary: string, plan: object): Promise<LoadgenOutput> {
  const dir = await mkdtemp(join(tmpdir(), 'loadgen-spec-'));
  try {
    await writeFile(join(dir, 'plan.json'), JSON.stringify(plan));
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(binary, ['-plan', join(dir, 'plan.json')], { env: { ...process.env, GOMAXPROCS: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`loadgen exited ${code}`))));
    });
    return JSON.parse(out) as LoadgenOutput;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const stats = async (server: FixtureServer) => (await (await fetch(`${server.baseUrl}/stats`)).json()) as Record<string, number>;

describe.skipIf(!canRun)(`loadgen driver end to end${canRun ? '' : ' (skipped: no Go toolchain and no tools/loadgen/bin/loadgen)'}`, () => {
  let server: FixtureServer;
  let binary: string;
  beforeAll(async () => {
    binary = await ensureLoadgen();
    server = await startFixtureServer();
  }, 300_000);
  afterAll(async () => {
    await server?.close();
  });

  it('writes histograms that hdr-histogram-js decodes to the same count, extremes and percentiles', async () => {
    // A bimodal distribution (fast answers and 3 ms delays) spreads values over many buckets.
    const out = await runBinary(binary, {
      target: server.baseUrl,
      connections: 4,
      durationMs: 800,
      requests: [
        { method: 'GET', path: '/fast', weight: 3, endpoint: 'fast' },
        { method: 'GET', path: '/delay/3', endpoint: 'delay' },
      ],
    });
    expect(out.overall.requests).toBeGreaterThan(50);
    for (const bucket of [out.overall, out.endpoints.fast!, out.endpoints.delay!]) {
      const h = hdr.decodeFromCompressedBase64(bucket.histogram, 32, false);
      expect(h.totalCount).toBe(bucket.latencyUs.count);
      expect(h.totalCount).toBe(bucket.requests);
      expect(h.minNonZeroValue).toBe(bucket.latencyUs.min);
      expect(h.maxValue).toBe(bucket.latencyUs.max);
      expect(h.mean).toBeCloseTo(bucket.latencyUs.mean, 6);
      for (const p of REPORTED_PERCENTILES) expect(h.getValueAtPercentile(p), `p${p}`).toBe(bucket.latencyUs.percentiles[String(p)]);
      // Mergeable with the native driver's histograms (same geometry: µs, 1 µs–60 s, 3 digits).
      const merged = hdr.build({
        bitBucketSize: 32,
        useWebAssembly: false,
        lowestDiscernibleValue: 1,
        highestTrackableValue: 60_000_000,
        numberOfSignificantValueDigits: 3,
      });
      merged.add(h);
      merged.add(h);
      expect(merged.totalCount).toBe(2 * bucket.requests);
      expect(merged.getValueAtPercentile(99)).toBe(bucket.latencyUs.percentiles['99']);
    }
    const endpoints = hdr.decodeFromCompressedBase64(out.endpoints.delay!.histogram, 32, false);
    expect(endpoints.getValueAtPercentile(50)).toBeGreaterThanOrEqual(3000);
  });

  it("obeys Little's law and answers for exactly the requests the server saw", async () => {
    const s = defineScenario({
      ...base,
      wrk: {
        requests: [
          { method: 'GET', path: '/fast', weight: 3, endpoint: 'fast', group: 'A' },
          { method: 'POST', path: '/echo', headers: { 'content-type': 'application/json' }, body: '{"message":"hi"}', endpoint: 'echo' },
        ],
      },
      iteration: async () => {},
    });
    const before = await stats(server);
    const r = await runScenario(s, { baseUrl: server.baseUrl, driver: 'loadgen' });
    const after = await stats(server);
    const seen = (key: string) => (after[key] ?? 0) - (before[key] ?? 0);
    expect(r).toMatchObject({ driver: 'loadgen', histogramSource: 'hdr', loadKind: 'closed', interrupted: false });
    expect(r.requests).toBeGreaterThan(100);
    expect(seen('GET /fast') + seen('POST /echo')).toBe(r.requests);
    expect(r.endpoints.fast!.requests).toBe(seen('GET /fast'));
    expect(r.endpoints.echo!.requests).toBe(seen('POST /echo'));
    expect(r.groups.A!.requests).toBe(seen('GET /fast'));
    // A closed loop of 4 connections cannot have more than 4 requests in flight on average.
    const inFlight = r.inFlightUs! / (r.durationMs * 1000);
    expect(inFlight).toBeLessThanOrEqual(4);
    expect(inFlight).toBeGreaterThan(0);
    expect(r.overall.histogram).toBeDefined();
    expect(r.endpoints.echo!.histogram).toBeDefined();
    expect(r.overall.latency.count).toBe(r.requests);
    expect(r.statuses['200']).toBe(r.requests);
    expect(r.errors).toMatchObject({ timeout: 0, connect: 0, reset: 0, non2xx: 0, other: 0 });
    expect(r.generatorCpuSeconds).toBeGreaterThan(0);
    expect(r.timeline.reduce((sum, t) => sum + t.requests, 0)).toBe(r.requests);
  });

  it('derives the mix from a fixed iteration against the server and refuses what it cannot replay', async () => {
    const fixed = defineScenario({
      ...base,
      load: { kind: 'closed', vus: 2, durationMs: 500 },
      iteration: async ({ http }) => void (await http.get('/status/500', { endpoint: 'status.500' })),
    });
    const before = await stats(server);
    const r = await runScenario(fixed, { baseUrl: server.baseUrl, driver: 'loadgen' });
    const after = await stats(server);
    expect(r.errors.non2xx).toBe(r.requests);
    expect(Object.keys(r.endpoints)).toEqual(['status.500']);
    // Two probe iterations derive the mix, then the load: the server saw both.
    expect((after['GET /status/500'] ?? 0) - (before['GET /status/500'] ?? 0)).toBe(r.requests + 2);

    const varying = defineScenario({ ...base, iteration: async ({ http }, vu) => void (await http.get(`/fast?id=${vu.random.int(1, 1e9)}`)) });
    await expect(runScenario(varying, { baseUrl: server.baseUrl, driver: 'loadgen' })).rejects.toMatchObject({ code: 'LAB_LOADGEN_UNSUPPORTED' });
    const open = defineScenario({ ...base, load: { kind: 'open', ratePerSec: 10, durationMs: 1000, maxInFlight: 4 }, iteration: async () => {} });
    await expect(runScenario(open, { baseUrl: server.baseUrl, driver: 'loadgen' })).rejects.toMatchObject({ code: 'LAB_LOADGEN_UNSUPPORTED' });
  });

  it('runs a sweep as open steps of one process, every due request answered or dropped, latency from its due time', async () => {
    const slo = { percentile: 99 as const, maxLatencyMs: 1000, maxErrorRate: 0.01 };
    const s = defineScenario({
      ...base,
      load: { kind: 'sweep', startRatePerSec: 50, stepRatePerSec: 50, stepDurationMs: 600, maxSteps: 3, maxInFlight: 64, slo },
      wrk: { requests: [{ method: 'GET', path: '/delay/20', endpoint: 'delay' }] },
      iteration: async () => {},
    });
    const before = await stats(server);
    const r = await runScenario(s, { baseUrl: server.baseUrl, driver: 'loadgen' });
    const after = await stats(server);
    expect(r).toMatchObject({ driver: 'loadgen', loadKind: 'sweep', histogramSource: 'hdr', interrupted: false });
    const steps = r.sweep!.steps;
    expect(steps.length).toBeGreaterThan(0);
    // Each step is due ⌊rate × 0.6 s⌋ requests, each answered or dropped, none lost or sent twice.
    const due = steps.reduce((sum, step) => sum + Math.floor(step.targetRatePerSec * 0.6), 0);
    expect(r.requests + r.iterations.dropped).toBe(due);
    expect((after['GET /delay/20'] ?? 0) - (before['GET /delay/20'] ?? 0)).toBe(r.requests);
    expect(r.overall.latency.count).toBe(r.requests);
    expect(r.endpoints.delay!.requests).toBe(r.requests);
    // No latency is below the server's own 20 ms wait (less the 1 ms early a Node timer may fire).
    expect(r.overall.latency.minUs).toBeGreaterThanOrEqual(19_000);
    expect(r.timeline.reduce((sum, t) => sum + t.requests, 0)).toBe(r.requests);
    for (const step of steps) expect(step.generatorStallMs).toBeGreaterThanOrEqual(0);
    expect(r.sweep!.capacityRatePerSec === null || steps.some((step) => step.passed && step.targetRatePerSec === r.sweep!.capacityRatePerSec)).toBe(true);
  });

  it('stops a closed load or a sweep on abort and still returns what it measured', async () => {
    const slo = { percentile: 99 as const, maxLatencyMs: 1000, maxErrorRate: 0.01 };
    const loads: ScenarioSpec['load'][] = [
      { kind: 'closed', vus: 2, durationMs: 20_000 },
      { kind: 'sweep', startRatePerSec: 50, stepRatePerSec: 50, stepDurationMs: 20_000, maxSteps: 3, maxInFlight: 16, slo },
    ];
    for (const load of loads) {
      const s = defineScenario({ ...base, load, wrk: { requests: [{ method: 'GET', path: '/fast' }] }, iteration: async () => {} });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 1000);
      const r = await runScenario(s, { baseUrl: server.baseUrl, driver: 'loadgen', signal: controller.signal });
      expect(r.interrupted, load.kind).toBe(true);
      expect(r.durationMs, load.kind).toBeLessThan(20_000);
      expect(r.requests, load.kind).toBeGreaterThan(0);
      expect(r.endpoints['GET /fast']!.requests, load.kind).toBe(r.requests);
      // A sweep ends with the step it was running.
      if (load.kind === 'sweep') expect(r.sweep!.steps).toHaveLength(1);
    }
  });
});
