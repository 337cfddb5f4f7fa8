import { cpus } from 'node:os';
import { describe, expect, it } from 'vitest';
import { waitForQuiet } from './wait-for-quiet';

// Outcomes only: how long a shared host takes to go quiet is not something a test can assert.
describe('waitForQuiet', () => {
  it('reports quiet when any load is allowed', async () => {
    const r = await waitForQuiet({ maxBusyCores: cpus().length, windowMs: 50, timeoutMs: 5_000 });
    expect(r.quiet).toBe(true);
    expect(r.busyCores).toBeGreaterThanOrEqual(0);
  });

  it('gives up with quiet false when no load is low enough', async () => {
    const r = await waitForQuiet({ maxBusyCores: -1, windowMs: 50, timeoutMs: 200 });
    expect(r).toMatchObject({ quiet: false });
    expect(r.waitedMs).toBeGreaterThan(0);
  });

  it('stops when aborted', async () => {
    const ac = new AbortController();
    const waiting = waitForQuiet({ maxBusyCores: -1, windowMs: 50, timeoutMs: 60_000, signal: ac.signal });
    ac.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow();
  });
});
