import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScenarioSpec, defineScenario } from '../define-scenario';
import { EngineError } from '../errors';
import { evaluateHypotheses } from '../evaluate-hypotheses';
import { evaluateThresholds } from '../evaluate-thresholds';
import { multipart } from '../http/multipart';
import { runScenario } from '../run-scenario';
import { type FixtureServer, closedPort, startFixtureServer } from '../testing/fixture-server';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

const base: Omit<ScenarioSpec, 'iteration'> = {
  id: '91-engine-fixture',
  title: 'engine fixture',
  category: 'stress',
  description: 'exercises the native driver',
  endpoints: ['fixture'],
  load: { kind: 'closed', vus: 2, durationMs: 400 },
};

describe('native driver', () => {
  it('counts a 500 as non2xx and a connection refused as connect', async () => {
    const s = defineScenario({ ...base, iteration: async ({ http }) => void (await http.get('/status/500')) });
    const r500 = await runScenario(s, { baseUrl: server.baseUrl, driver: 'native' });
    expect(r500.errors.non2xx).toBe(r500.requests);
    expect(r500.statuses['500']).toBe(r500.requests);
    expect(r500.overall.errors).toBe(r500.requests);

    const port = await closedPort();
    const refused = await runScenario(s, { baseUrl: `http://127.0.0.1:${port}`, driver: 'native', durationMs: 200 });
    expect(refused.errors.connect).toBeGreaterThan(0);
    expect(refused.errors.connect).toBe(refused.requests);
    expect(refused.statuses).toEqual({});
  });

  it('counts a dropped connection as reset and a slow answer as timeout', async () => {
    const s = defineScenario({
      ...base,
      load: { kind: 'closed', vus: 1, durationMs: 300 },
      async iteration({ http }) {
        await http.get('/reset');
        await http.get('/delay/1000', { timeoutMs: 100 });
      },
    });
    const r = await runScenario(s, { baseUrl: server.baseUrl, driver: 'native' });
    expect(r.errors.reset).toBeGreaterThan(0);
    expect(r.errors.timeout).toBeGreaterThan(0);
    expect(r.errors.reset + r.errors.timeout).toBe(r.requests);
  });

  it('counts checks by name, separates groups and endpoints, and echoes JSON and multipart bodies', async () => {
    const s = defineScenario({
      ...base,
      async iteration({ http, check, group }, vu) {
        await group('A. json', async () => {
          const res = await http.post('/echo', { message: 'hi', vu: vu.id }, { endpoint: 'echo.json' });
          check('echo matches', res.json()?.message === 'hi');
          check('always fails', false);
        });
        await group('B. multipart', async () => {
          const body = multipart({ fields: { note: 'n' }, files: { file: { filename: 'test.txt', contentType: 'text/plain', content: 'x'.repeat(1024) } } });
          const res = await http.post('/echo', body, { endpoint: 'echo.multipart' });
          check('multipart echoed', res.text().includes('filename="test.txt"') && res.text().includes('x'.repeat(1024)));
        });
        await http.get('/fast');
      },
    });
    const r = await runScenario(s, { baseUrl: server.baseUrl, driver: 'native' });
    expect(r.checks['echo matches']).toEqual({ passed: r.iterations.completed, failed: 0 });
    expect(r.checks['multipart echoed']?.failed).toBe(0);
    expect(r.checks['always fails']?.passed).toBe(0);
    expect(r.errors.check).toBe(r.checks['always fails']?.failed);
    expect(Object.keys(r.groups).sort()).toEqual(['A. json', 'B. multipart']);
    expect(Object.keys(r.endpoints).sort()).toEqual(['GET /fast', 'echo.json', 'echo.multipart']);
    expect(r.groups['A. json']?.requests).toBeGreaterThan(0);
    expect(r.overall.requests).toBe(r.endpoints['GET /fast']!.requests + r.groups['A. json']!.requests + r.groups['B. multipart']!.requests);
    expect(r.bytesReceived).toBeGreaterThan(1024 * r.groups['B. multipart']!.requests);
  });

  it('hands an iteration a body that arrived in many chunks whole, with its headers, sent with lower-cased header names', async () => {
    const sent = Buffer.alloc(512 * 1024, 'ab');
    const s = defineScenario({
      ...base,
      load: { kind: 'closed', vus: 1, durationMs: 200 },
      async iteration({ http, check }) {
        const res = await http.post('/echo', sent, { headers: { 'Content-Type': 'application/x-lab-test' }, endpoint: 'echo.big' });
        check('body whole', res.body.equals(sent) && res.text().length === sent.length);
        check('header echoed', res.header('CONTENT-TYPE') === 'application/x-lab-test' && res.header('x-absent') === undefined);
        check('not json', res.json() === undefined);
      },
    });
    const r = await runScenario(s, { baseUrl: server.baseUrl, driver: 'native' });
    expect(r.requests).toBeGreaterThan(0);
    for (const name of ['body whole', 'header echoed', 'not json']) expect(r.checks[name]).toEqual({ passed: r.requests, failed: 0 });
    expect(r.bytesReceived).toBe(sent.length * r.requests);
  });

  it('runs setup once before and teardown once after, sharing setup data', async () => {
    let teardownStock: number | undefined;
    const s = defineScenario<{ token: string }>({
      ...base,
      async setup({ http }) {
        await http.post('/stock/reset');
        return { token: 'abc' };
      },
      async teardown({ http }) {
        teardownStock = (await http.get('/stock')).json()?.stock;
      },
      async iteration({ http, check, setupData }) {
        check('token from setup', setupData.token === 'abc');
        await http.post('/stock/decrement', undefined, { headers: { authorization: `Bearer ${setupData.token}` } });
      },
    });
    const r = await runScenario(s, { baseUrl: server.baseUrl, driver: 'native' });
    expect(r.checks['token from setup']?.failed).toBe(0);
    // Setup and teardown requests are not measured; every measured request decremented once.
    expect(teardownStock).toBe(100 - r.requests);
  });

  it('stops early on abort and returns what it measured, marked interrupted', async () => {
    const s = defineScenario({
      ...base,
      load: { kind: 'closed', vus: 4, durationMs: 20_000 },
      iteration: async ({ http }) => void (await http.get('/delay/10')),
    });
    const controller = new AbortController();
    const progress: number[] = [];
    setTimeout(() => controller.abort(), 1500);
    const r = await runScenario(s, { baseUrl: server.baseUrl, driver: 'native', signal: controller.signal, onProgress: (p) => progress.push(p.requests) });
    expect(r.interrupted).toBe(true);
    expect(r.durationMs).toBeLessThan(20_000);
    expect(r.requests).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThanOrEqual(1);
  });

  it('abandons, without counting, an iteration still running after the grace period', async () => {
    const s = defineScenario({
      ...base,
      load: { kind: 'closed', vus: 1, durationMs: 200 },
      iteration: async ({ http }) => void (await http.get('/delay/3000')),
    });
    const r = await runScenario(s, { baseUrl: server.baseUrl, driver: 'native', graceMs: 100 });
    expect(r.requests).toBe(0);
    expect(r.durationMs).toBeLessThan(3000);
    expect(r.notes.some((n) => n.includes('abandoned'))).toBe(true);
  });

  it('refuses a non-loopback target unless allowRemote is set', async () => {
    const s = defineScenario({ ...base, iteration: async ({ http }) => void (await http.get('/')) });
    await expect(runScenario(s, { baseUrl: 'http://192.0.2.1:8000', driver: 'native' })).rejects.toMatchObject({ code: 'LAB_REMOTE_TARGET_REFUSED' });
  });

  it('gives each VU a deterministic random stream for a seed', async () => {
    const seen = async (seed: number) => {
      const draws: string[] = [];
      const s = defineScenario({
        ...base,
        load: { kind: 'closed', vus: 2, durationMs: 100 },
        async iteration({ http }, vu) {
          if (vu.iteration < 3) draws.push(`${vu.id}:${vu.iteration}:${vu.random.int(1, 1e6)}`);
          await http.get('/fast');
        },
      });
      await runScenario(s, { baseUrl: server.baseUrl, driver: 'native', seed });
      return draws.sort();
    };
    expect(await seen(7)).toEqual(await seen(7));
    expect(await seen(7)).not.toEqual(await seen(8));
  });

  it('counts an iteration that throws and goes on', async () => {
    const s = defineScenario({
      ...base,
      async iteration({ http }) {
        await http.get('/fast');
        throw new Error('scenario bug');
      },
    });
    const r = await runScenario(s, { baseUrl: server.baseUrl, driver: 'native' });
    expect(r.errors.iteration).toBeGreaterThan(1);
    expect(r.requests).toBe(r.errors.iteration);
  });
});

describe('evaluateThresholds and evaluateHypotheses', () => {
  it('judges overall and group-scoped thresholds, and fails missing groups with a reason', async () => {
    const s = defineScenario({
      ...base,
      thresholds: ['p50 < 10s', 'p99 < 1us', 'errors < 60%', 'checks > 99%', { group: 'slow', expr: 'p95 >= 20ms' }, { group: 'missing', expr: 'p95 < 1s' }],
      hypotheses: [{ id: 'fast-vs-slow', statement: 'fast ≥ 2× slow', metric: 'ratePerSec', compare: { a: 'fast', b: 'slow' }, expectRatioAtLeast: 2 }],
      async iteration({ http, check, group }) {
        await group('slow', () => http.get('/delay/20'));
        await group('fast', async () => {
          await http.get('/fast');
          await http.get('/fast');
          await http.get('/fast');
        });
        check('ok', true);
      },
    });
    const r = await runScenario(s, { baseUrl: server.baseUrl, driver: 'native' });
    const outcomes = evaluateThresholds(s, r);
    expect(outcomes.map((o) => o.passed)).toEqual([true, false, true, true, true, false]);
    expect(outcomes[5]?.reason).toMatch(/missing/);
    const [h] = evaluateHypotheses(s, r);
    expect(h?.ratio).toBeCloseTo(3, 1);
    expect(h?.supported).toBe(true);
  });
});

describe('EngineError', () => {
  it('is what configuration failures throw', () => {
    expect(() => defineScenario({ ...base, id: 'x' } as ScenarioSpec)).toThrow(EngineError);
  });
});
