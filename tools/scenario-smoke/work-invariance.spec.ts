import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type DriverResult, type Scenario, runScenario } from '@lab/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The work per request must not depend on the server's speed: a fast and a slow server running
 * the same scenario must list the same rows and hit the cache as often. Each scenario below runs
 * against a small stateful stand-in of the contract (users and a cache-aside store) answering at
 * two speeds; a scenario whose writes accumulate, or whose misses warm the cache for good, fails.
 */

const scenariosDir = resolve(import.meta.dirname, '../../scenarios');

/** A stateful fake of the endpoints 08 and 15 use, answering every request after `delayMs`. */
async function startStatefulFake(delayMs: number): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const users = new Map<number, { id: number; name: string; email: string; created_at: string }>();
  for (let id = 1; id <= 1000; id++) users.set(id, { id, name: `User ${id}`, email: `user${id}@benchmark.com`, created_at: '2026-01-01T00:00:00Z' });
  let nextId = 1001;
  const cache = new Set<number>();

  const answer = (method: string, url: URL, body: string): [number, unknown] => {
    const path = url.pathname;
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/health') return [200, { status: 'ok', server: 'fake' }];
    if (method === 'POST' && path === '/echo') return [200, { message: 'mixed', data: {} }];
    if (method === 'GET' && path === '/external') return [200, { source: 'upstream', latency_ms: 0, data: {} }];
    if (method === 'GET' && path === '/protected') return [200, { message: 'Access granted', user: 'user_from_token_test-tok' }];
    if (method === 'GET' && path === '/users') return [200, [...users.values()]];
    if (method === 'POST' && path === '/users') {
      const user = { id: nextId++, ...(JSON.parse(body) as { name: string; email: string }), created_at: '2026-01-01T00:00:00Z' };
      users.set(user.id, user);
      return [201, user];
    }
    if (method === 'DELETE' && (m = /^\/users\/(\d+)$/.exec(path))) return users.delete(Number(m[1])) ? [204, null] : [404, { detail: 'User not found' }];
    if (method === 'DELETE' && path === '/cache/flush') return (cache.clear(), [200, { message: 'Cache flushed' }]);
    if (method === 'POST' && path === '/cache/warmup') {
      const count = Number(url.searchParams.get('count'));
      for (let id = 1; id <= count; id++) cache.add(id);
      return [200, { warmed_count: count, elapsed_ms: 0 }];
    }
    if (method === 'GET' && (m = /^\/cache\/users\/(\d+)\/cached$/.exec(path))) {
      const id = Number(m[1]);
      const source = cache.has(id) ? 'cache' : 'database';
      cache.add(id);
      return [200, { source, user_id: id, name: `User ${id}`, email: `user${id}@benchmark.com`, elapsed_ms: 0 }];
    }
    if (method === 'DELETE' && (m = /^\/cache\/users\/(\d+)$/.exec(path))) {
      const success = cache.delete(Number(m[1]));
      return [200, { deleted: `user:${m[1]}`, success }];
    }
    return [404, { detail: 'Not Found' }];
  };

  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      setTimeout(() => {
        const [status, json] = answer(req.method ?? 'GET', new URL(req.url ?? '/', 'http://fake'), body);
        const text = status === 204 ? '' : JSON.stringify(json);
        res.writeHead(status, status === 204 ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      }, delayMs);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((done) => (server.closeAllConnections(), server.close(() => done()))),
  };
}

const load = async (id: string): Promise<Scenario<unknown>> =>
  ((await import(pathToFileURL(join(scenariosDir, id, 'scenario.ts')).href)) as { default: Scenario<unknown> }).default;

/** Runs `id` for `durationMs` with its own VUs against a fake answering after `delayMs`. */
async function runAt(id: string, delayMs: number, durationMs: number): Promise<DriverResult> {
  const fake = await startStatefulFake(delayMs);
  try {
    const scenario = await load(id);
    if (scenario.load.kind !== 'closed') throw new Error(`${id} is not a closed-model scenario`);
    return await runScenario({ ...scenario, load: { ...scenario.load, durationMs } }, { baseUrl: fake.baseUrl, driver: 'native', seed: 1 });
  } finally {
    await fake.close();
  }
}

const failedChecks = (r: DriverResult) => Object.entries(r.checks).filter(([, c]) => c.failed > 0);

/**
 * A server with no added latency, and one that answers 50 ms later. The slow one can serve at
 * most VUs × duration ÷ 50 ms requests (10 VUs × 2.5 s: 500) however idle the machine is, while
 * the fast one is bound only by this process's CPU: several times more even on a busy host.
 */
const SPEEDS = [
  ['fast', 0],
  ['slow', 50],
] as const;
const DURATION_MS = 2500;

describe('the same work per request for a fast and a slow server', () => {
  const results = new Map<string, DriverResult>();
  beforeAll(async () => {
    for (const id of ['08-concurrent-mixed', '15-with-cache']) {
      for (const [speed, delayMs] of SPEEDS) results.set(`${id}|${speed}`, await runAt(id, delayMs, DURATION_MS));
    }
  }, 120_000);
  afterAll(() => results.clear());

  it('the fast server really served more requests (the comparison means something)', () => {
    for (const id of ['08-concurrent-mixed', '15-with-cache']) {
      expect(results.get(`${id}|fast`)!.requests).toBeGreaterThan(1.5 * results.get(`${id}|slow`)!.requests);
    }
  });

  it.each(SPEEDS)('08: the user list ends the run with the rows it started with (%s server)', (speed) => {
    const r = results.get(`08-concurrent-mixed|${speed}`)!;
    expect(failedChecks(r)).toEqual([]);
    expect(r.endpoints['users.create']?.requests ?? 0).toBeGreaterThan(0);
    expect(r.extras['users.rowsAtEnd']).toBe(r.extras['users.rowsAtStart']);
  });

  it.each(SPEEDS)('15: every lookup is a hit or a miss as scheduled, and the hit ratio is the declared one (%s server)', (speed) => {
    const r = results.get(`15-with-cache|${speed}`)!;
    expect(failedChecks(r)).toEqual([]);
    expect(r.checks['source as scheduled']?.passed ?? 0).toBeGreaterThan(100);
    // The schedule is drawn from seeded per-VU randomness; only its length depends on the speed.
    // A fraction of n Bernoulli draws strays from p by more than 4 standard errors once in ~16,000.
    const p = r.extras['cache.declaredHitRatio'] as number;
    const n = (r.extras['cache.hits'] as number) + (r.extras['cache.misses'] as number);
    expect(Math.abs((r.extras['cache.hitRatio'] as number) - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });
});
