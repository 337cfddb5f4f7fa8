import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScenarioSpec, defineScenario } from '../define-scenario';
import { runScenario } from '../run-scenario';
import { type FixtureServer, startFixtureServer } from '../testing/fixture-server';
import { DEFAULT_WRK_PATH, mapWrkSummary } from './wrk';
import { generateWrkScript, luaString, weightedRotation } from './wrk-lua';

const hasWrk = existsSync(DEFAULT_WRK_PATH);

const base: Omit<ScenarioSpec, 'iteration'> = {
  id: '92-wrk-fixture',
  title: 'wrk fixture',
  category: 'stress',
  description: 'exercises the wrk driver',
  endpoints: ['fixture'],
  load: { kind: 'closed', vus: 4, durationMs: 2000 },
};

describe('wrk Lua generation', () => {
  it('rotates a weighted mix smoothly', () => {
    expect(weightedRotation([3, 1])).toEqual([1, 1, 2, 1]);
    expect(weightedRotation([30, 10])).toEqual([1, 1, 2, 1]);
    const order = weightedRotation([5, 3, 2]);
    expect([1, 2, 3].map((i) => order.filter((x) => x === i).length)).toEqual([5, 3, 2]);
  });

  it('escapes bytes into Lua string literals', () => {
    expect(luaString('a"b\\c\n')).toBe('"a\\034b\\092c\\010"');
  });

  it('writes requests, the rotation and a JSON done hook', () => {
    const lua = generateWrkScript([
      { method: 'GET', path: '/fast', headers: {}, weight: 3 },
      { method: 'POST', path: '/echo', headers: { 'content-type': 'application/json' }, body: '{"m":1}', weight: 1 },
    ]);
    expect(lua).toContain('local order = { 1, 1, 2, 1 }');
    expect(lua).toContain('method = "POST", path = "/echo", headers = { ["content-type"] = "application/json" }');
    expect(lua).toContain('function done(summary, latency, requests)');
    expect(lua).toContain('os.getenv("LAB_WRK_OUT")');
    expect(lua).toContain('latency:percentile(q[2])');
  });

  it('maps a summary without inventing a histogram', () => {
    const r = mapWrkSummary(
      {
        durationUs: 2_000_000,
        requests: 1000,
        bytes: 5000,
        errors: { connect: 1, read: 2, write: 3, status: 4, timeout: 5 },
        latencyUs: { min: 10, max: 900, mean: 50, stdev: 5, percentiles: { '50': 40, '99': 800 } },
      },
      [{ method: 'GET', path: '/fast', headers: {}, weight: 1 }],
      { generatorCpuSeconds: 0.5, interrupted: false },
    );
    expect(r).toMatchObject({ histogramSource: 'wrk-percentiles', ratePerSec: 500, errors: { connect: 1, reset: 5, non2xx: 4, timeout: 5 } });
    expect(r.overall.histogram).toBeUndefined();
    expect(r.endpoints['GET /fast']?.latency.percentilesUs['99']).toBe(800);
  });
});

describe.skipIf(!hasWrk)(`wrk driver end to end${hasWrk ? '' : ' (skipped: /usr/bin/wrk is missing; apt-get install -y wrk)'}`, () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('runs a declared weighted mix and reads the JSON summary back', async () => {
    const s = defineScenario({
      ...base,
      wrk: {
        requests: [
          { method: 'GET', path: '/fast', weight: 3 },
          { method: 'POST', path: '/echo', headers: { 'content-type': 'application/json' }, body: '{"message":"hi"}', weight: 1 },
        ],
      },
      iteration: async () => {},
    });
    const before = (await (await fetch(`${server.baseUrl}/stats`)).json()) as Record<string, number>;
    const r = await runScenario(s, { baseUrl: server.baseUrl, driver: 'wrk' });
    const after = (await (await fetch(`${server.baseUrl}/stats`)).json()) as Record<string, number>;
    expect(r.driver).toBe('wrk');
    expect(r.histogramSource).toBe('wrk-percentiles');
    expect(r.requests).toBeGreaterThan(100);
    expect(r.overall.latency.percentilesUs['99']).toBeGreaterThan(0);
    expect(r.overall.histogram).toBeUndefined();
    expect(r.errors.non2xx + r.errors.connect + r.errors.reset).toBe(0);
    expect(r.generatorCpuSeconds).toBeGreaterThan(0);
    // The server saw the 3:1 rotation.
    const fast = (after['GET /fast'] ?? 0) - (before['GET /fast'] ?? 0);
    const echo = (after['POST /echo'] ?? 0) - (before['POST /echo'] ?? 0);
    expect(fast / echo).toBeGreaterThan(2.9);
    expect(fast / echo).toBeLessThan(3.1);
  });

  it('derives the mix from a fixed iteration and counts status errors', async () => {
    const s = defineScenario({
      ...base,
      load: { kind: 'closed', vus: 2, durationMs: 1000 },
      iteration: async ({ http }) => void (await http.get('/status/500', { endpoint: 'status.500' })),
    });
    const r = await runScenario(s, { baseUrl: server.baseUrl, driver: 'wrk' });
    expect(r.requests).toBeGreaterThan(0);
    expect(r.errors.non2xx).toBe(r.requests);
    expect(Object.keys(r.endpoints)).toEqual(['status.500']);
  });

  it('refuses an iteration that varies and an open model', async () => {
    const varying = defineScenario({ ...base, iteration: async ({ http }, vu) => void (await http.get(`/fast?id=${vu.random.int(1, 1e9)}`)) });
    await expect(runScenario(varying, { baseUrl: server.baseUrl, driver: 'wrk' })).rejects.toMatchObject({ code: 'LAB_WRK_UNSUPPORTED' });
    const open = defineScenario({ ...base, load: { kind: 'open', ratePerSec: 10, durationMs: 1000, maxInFlight: 4 }, iteration: async () => {} });
    await expect(runScenario(open, { baseUrl: server.baseUrl, driver: 'wrk' })).rejects.toMatchObject({ code: 'LAB_WRK_UNSUPPORTED' });
  });

  it('stops on abort and still reads the summary', async () => {
    const s = defineScenario({
      ...base,
      load: { kind: 'closed', vus: 2, durationMs: 20_000 },
      wrk: { requests: [{ method: 'GET', path: '/fast' }] },
      iteration: async () => {},
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 1000);
    const r = await runScenario(s, { baseUrl: server.baseUrl, driver: 'wrk', signal: controller.signal });
    expect(r.interrupted).toBe(true);
    expect(r.durationMs).toBeLessThan(20_000);
    expect(r.requests).toBeGreaterThan(0);
  });
});
