import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUpstream, type UpstreamServer } from './start-upstream';

let upstream: UpstreamServer;
beforeAll(async () => {
  upstream = await startUpstream({ delayMs: 60 });
});
afterAll(() => upstream?.stop());

describe('startUpstream', () => {
  it('answers /delay after at least delayMs, with Content-Length', async () => {
    const startedMs = performance.now();
    const response = await fetch(`${upstream.url}/delay`);
    const body = await response.text();
    expect(performance.now() - startedMs).toBeGreaterThanOrEqual(upstream.delayMs - 1);
    expect(response.status).toBe(200);
    expect(JSON.parse(body)).toEqual({ message: 'External API response' });
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
  });

  it('lets ?ms= override the delay', async () => {
    const startedMs = performance.now();
    await (await fetch(`${upstream.url}/delay?ms=150`)).text();
    expect(performance.now() - startedMs).toBeGreaterThanOrEqual(149);
  });

  it('answers 404 elsewhere', async () => {
    const response = await fetch(`${upstream.url}/other`);
    expect(response.status).toBe(404);
    await response.text();
  });
});
