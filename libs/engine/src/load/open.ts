import { type LoadOutcome, sleep } from './load-outcome';

/** Options of the open model. */
export interface OpenOptions {
  ratePerSec: number;
  durationMs: number;
  maxInFlight: number;
  graceMs: number;
  signal?: AbortSignal | undefined;
  /**
   * Runs one iteration on VU slot `vuId` (1..maxInFlight). `intendedStartMs` is the
   * performance.now() time the iteration was scheduled for; latency is measured from it.
   */
  runIteration: (vuId: number, intendedStartMs: number) => Promise<void>;
}

/**
 * Open model (k6 `constant-arrival-rate`): iteration i is due at t0 + i / rate whatever the
 * server does. Latency counts from that intended time, so a stalled server is not hidden by the
 * generator waiting for it (coordinated omission). An iteration due while `maxInFlight` are
 * running is dropped and counted.
 */
export async function runOpen(opts: OpenOptions): Promise<LoadOutcome> {
  const t0 = performance.now();
  const intervalMs = 1000 / opts.ratePerSec;
  const total = Math.floor((opts.ratePerSec * opts.durationMs) / 1000);
  const free: number[] = Array.from({ length: opts.maxInFlight }, (_, i) => opts.maxInFlight - i);
  const inFlight = new Set<Promise<void>>();
  let scheduled = 0;
  let completed = 0;
  let dropped = 0;

  await new Promise<void>((done) => {
    const tick = (): void => {
      const now = performance.now();
      while (scheduled < total && t0 + scheduled * intervalMs <= now) {
        const intended = t0 + scheduled * intervalMs;
        scheduled++;
        const vuId = free.pop();
        if (vuId === undefined) {
          dropped++;
          continue;
        }
        const p: Promise<void> = opts.runIteration(vuId, intended).then(() => {
          completed++;
          free.push(vuId);
          inFlight.delete(p);
        });
        inFlight.add(p);
      }
      if (scheduled >= total || opts.signal?.aborted) return done();
      // Timers have ~1 ms granularity; sleeping at most 1 ms keeps send times close to intended.
      const wait = t0 + scheduled * intervalMs - performance.now();
      setTimeout(tick, Math.max(0, Math.min(wait, 1)));
    };
    tick();
  });
  await Promise.race([Promise.all(inFlight), sleep(opts.graceMs)]);
  return { elapsedMs: performance.now() - t0, completed, dropped, abandoned: inFlight.size, interrupted: opts.signal?.aborted ?? false };
}
