import { afterEach, describe, expect, it } from 'vitest';
import { endpointById } from '@lab/contract';
import { curlCommand } from './request-view';
import { runFuzz } from './run-fuzz';
import { startFakeServer, type FakeServer } from './testing/fake-server';

let fake: FakeServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('runFuzz against a fake implementation', () => {
  it('passes against a fake that follows the contract, and leaves it as it found it', async () => {
    fake = await startFakeServer();
    const result = await runFuzz({ baseUrl: fake.baseUrl, seed: 7, budget: { requests: 400 }, timeoutMs: 2_000 });
    expect(result.failures).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.requests).toBe(400);
    expect(result.regressionCases).toBeGreaterThanOrEqual(25);
    for (const kind of ['valid', 'invalid', 'invalid-body', 'lenient', 'method'] as const) expect(result.byExpectation[kind], kind).toBeGreaterThan(0);
    expect(fake.liveUsers.size).toBe(0);
    expect(fake.seen).toEqual(expect.arrayContaining(['POST /transactions/reset', 'DELETE /bulk-operations/cleanup', 'DELETE /cache/flush']));
  });

  it('reports a 500 and a hang, and cannot pass then', async () => {
    fake = await startFakeServer({
      faults: [
        { match: (m, url) => m === 'GET' && url === '/cache/users/4398046511105/cached', action: '500' },
        { match: (m, url) => m === 'GET' && url === '/users/cursor?cursor=9544203041', action: 'hang' },
      ],
    });
    const result = await runFuzz({ baseUrl: fake.baseUrl, budget: { requests: 120 }, timeoutMs: 400 });
    expect(result.passed).toBe(false);
    const error = result.failures.find((f) => f.kind === 'server-error');
    expect(error).toMatchObject({ status: 500, request: { method: 'GET', path: '/cache/users/4398046511105/cached', regression: true } });
    const hang = result.failures.find((f) => f.kind === 'timeout');
    expect(hang).toMatchObject({ status: null, request: { path: '/users/cursor?cursor=9544203041' } });
    expect(result.stoppedBy).toBe('requests');
    expect(curlCommand(result.baseUrl, error!.request)).toBe(`curl -sS -i -X GET ${fake.baseUrl}/cache/users/4398046511105/cached`);
  });

  it('reports a dropped connection', async () => {
    const only = ['cpu.fibonacci', 'echo', 'health'].map((id) => endpointById(id as 'echo'));
    fake = await startFakeServer({ endpoints: only, faults: [{ match: (m, url) => m === 'TRACE' && url === '/health', action: 'reset' }] });
    const result = await runFuzz({ baseUrl: fake.baseUrl, endpoints: only, budget: { requests: 60 }, timeoutMs: 1_000 });
    expect(result.failures.find((f) => f.kind === 'connection')).toMatchObject({ status: null, request: { method: 'TRACE', path: '/health' } });
    expect(result.stoppedBy).toBe('requests');
  });

  it('reports a status the input does not allow: n=39 answered 200 by a server that clamps', async () => {
    const fib = endpointById('cpu.fibonacci');
    const clamping = { ...fib, query: fib.query.extend({ n: fib.query.shape.n.catch(27) }) };
    fake = await startFakeServer({ endpoints: [clamping] });
    const result = await runFuzz({ baseUrl: fake.baseUrl, endpoints: [fib], readinessPath: '/cpu/fibonacci', budget: { requests: 30 }, timeoutMs: 1_000 });
    expect(result.failures.find((f) => f.request.path === '/cpu/fibonacci?n=39')).toMatchObject({ kind: 'status', status: 200 });
  });

  it('checks response bodies against the documented schema', async () => {
    const health = endpointById('health');
    fake = await startFakeServer({ endpoints: [health], faults: [] });
    // The contract as the stage sees it demands a field the fake does not send.
    const stricter = [
      {
        ...health,
        responses: { 200: { description: 'x', schema: health.responses[200].schema.extend({ extra: endpointById('echo').responses[200].schema }) } },
      },
    ];
    const result = await runFuzz({ baseUrl: fake.baseUrl, endpoints: stricter, budget: { requests: 10 }, timeoutMs: 1_000 });
    expect(result.failures.some((f) => f.kind === 'body' && /extra/.test(f.problem))).toBe(true);
  });

  it('stops early and says so when the server is gone', async () => {
    fake = await startFakeServer();
    const baseUrl = fake.baseUrl;
    await fake.close();
    fake = undefined;
    const result = await runFuzz({ baseUrl, budget: { requests: 50 }, timeoutMs: 500 });
    expect(result).toMatchObject({ passed: false, stoppedBy: 'unresponsive', requests: 0 });
  });

  it('rejects a bad budget with a stable code', async () => {
    await expect(runFuzz({ baseUrl: 'http://127.0.0.1:9', budget: {} })).rejects.toMatchObject({ code: 'LAB_FUZZ_BAD_OPTIONS' });
    await expect(runFuzz({ baseUrl: 'http://127.0.0.1:9', budget: { requests: -1 } })).rejects.toMatchObject({ code: 'LAB_FUZZ_BAD_OPTIONS' });
  });

  it('fuzzes only the selected endpoints', async () => {
    fake = await startFakeServer();
    const result = await runFuzz({ baseUrl: fake.baseUrl, only: (id) => id === 'users.get', budget: { requests: 40 }, timeoutMs: 1_000 });
    expect(result.passed).toBe(true);
    const paths = fake.seen.filter((s) => s !== 'GET /health').map((s) => s.split(' ')[1]!);
    expect(paths.length).toBeGreaterThan(30); // FUZZ requests never reach a handler of node:http
    for (const path of paths) expect(path).toMatch(/^\/users\/[^/?]+(\?.*)?$/);
  });
});
