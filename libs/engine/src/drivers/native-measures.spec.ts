import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScenarioSpec, defineScenario } from '../define-scenario';
import { evaluateThresholds } from '../evaluate-thresholds';
import { groupDuration } from '../metrics/trend';
import { runScenario } from '../run-scenario';
import { type FixtureServer, startFixtureServer } from '../testing/fixture-server';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

const base: Omit<ScenarioSpec, 'iteration'> = {
  id: '92-engine-measures',
  title: 'engine measures',
  category: 'stress',
  description: 'measure: false, ctx.record, ctx.count, group durations, teardown extras',
  endpoints: ['fixture'],
  load: { kind: 'closed', vus: 1, durationMs: 400 },
};

describe('what an iteration can measure', () => {
  it('sends a measure: false request without recording it anywhere', async () => {
    const s = defineScenario({
      ...base,
      async iteration({ http, group }) {
        await http.get('/delay/5', { measure: false });
        await group('measured', () => http.get('/fast'));
      },
    });
    const r = await runScenario(s, { baseUrl: server.baseUrl, driver: 'native' });
    expect(Object.keys(r.endpoints)).toEqual(['GET /fast']);
    expect(r.requests).toBe(r.iterations.completed);
    expect(r.groups['measured']?.requests).toBe(r.requests);
    expect(r.unmeasuredRequests).toBe(r.iterations.completed);
  });

  it("counts unmeasured requests' time in flight, so Little's L covers everything the VUs sent", async () => {
    const s = defineScenario({
      ...base,
      load: { kind: 'closed', vus: 2, durationMs: 600 },
      async iteration({ http }) {
        await http.get('/delay/20', { measure: false });
        await http.get('/fast');
      },
    });
    const r = await runScenario(s, { baseUrl: server.baseUrl, driver: 'native' });
    const measuredUs = r.overall.latency.meanUs * r.requests;
    // Every iteration waits at least 20 ms unmeasured: the in-flight time is mostly unmeasured.
    expect(r.inFlightUs!).toBeGreaterThan(measuredUs + r.unmeasuredRequests * 20_000 * 0.99);
    // A closed loop of 2 VUs never has more than 2 requests in flight.
    expect(r.inFlightUs! / (r.durationMs * 1000)).toBeLessThanOrEqual(2.001);
  });

  it('records each group wall time, unmeasured requests inside included, into <group>::duration in ms', async () => {
    const s = defineScenario({
      ...base,
      async iteration({ http, group }) {
        await group('A. slow', async () => {
          await http.get('/delay/20', { measure: false });
          await http.get('/fast');
        });
      },
    });
    const r = await runScenario(s, { baseUrl: server.baseUrl, driver: 'native' });
    const d = r.trends[groupDuration('A. slow')];
    expect(d?.unit).toBe('ms');
    expect(d?.count).toBe(r.iterations.completed);
    // No request can finish before its 20 ms delay (less the up to 1 ms a libuv timer, counted
    // from the loop's cached clock, may fire early); the request latency alone is far below it.
    expect(d?.min).toBeGreaterThanOrEqual(19);
    expect((r.groups['A. slow']?.latency.percentilesUs['50'] ?? 0) / 1000).toBeLessThan(d?.min ?? 0);
  });

  it('adds ctx.record values to trends keyed by group and ctx.count values to counters', async () => {
    const s = defineScenario({
      ...base,
      async iteration({ group, record, count }, vu) {
        await group('g', async () => record('server_elapsed_ms', 12.5));
        record('server_elapsed_ms', 3, { group: 'h' });
        record('size', vu.iteration);
        count('iterations');
        count('twice', 2);
      },
    });
    const r = await runScenario(s, { baseUrl: server.baseUrl, driver: 'native', durationMs: 100 });
    const n = r.iterations.completed;
    expect(r.trends['g::server_elapsed_ms']).toMatchObject({ unit: 'ms', count: n, min: 12.5, max: 12.5 });
    expect(r.trends['h::server_elapsed_ms']?.percentiles['50']).toBeCloseTo(3, 2);
    expect(r.trends['size']?.unit).toBe('none');
    expect(r.counters).toEqual({ iterations: n, twice: 2 * n });
  });

  it('passes counters and checks to teardown and returns its extras in the result', async () => {
    let seen: number | undefined;
    const s = defineScenario({
      ...base,
      async iteration({ http, check, count }) {
        const res = await http.get('/fast');
        check('ok', res.ok);
        count('hits');
      },
      teardown({ counters, checks }) {
        seen = checks['ok']?.passed;
        return { extras: { hits: counters['hits'] ?? 0 } };
      },
    });
    const r = await runScenario(s, { baseUrl: server.baseUrl, driver: 'native', durationMs: 100 });
    expect(r.extras).toEqual({ hits: r.iterations.completed });
    expect(seen).toBe(r.checks['ok']?.passed);
  });

  it('judges trend thresholds in the trend unit and fails a missing trend with a reason', async () => {
    const s = defineScenario({
      ...base,
      thresholds: [
        { trend: groupDuration('g'), expr: 'p95 >= 20ms' },
        { trend: groupDuration('g'), expr: 'max < 10s' },
        { trend: 'g::size', expr: 'max <= 7' },
        { trend: 'missing::duration', expr: 'p95 < 1s' },
      ],
      async iteration({ http, group, record }) {
        await group('g', async () => {
          await http.get('/delay/20');
          record('size', 7);
        });
      },
    });
    const r = await runScenario(s, { baseUrl: server.baseUrl, driver: 'native', durationMs: 200 });
    const outcomes = evaluateThresholds(s, r);
    expect(outcomes.map((o) => o.passed)).toEqual([true, true, true, false]);
    expect(outcomes[3]?.reason).toMatch(/missing::duration/);
  });
});
