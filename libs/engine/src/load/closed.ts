import { type LoadOutcome, sleep, waitForAbort } from './load-outcome';

/** Options of the closed model. */
export interface ClosedOptions {
  vus: number;
  durationMs: number;
  /** How long in-flight iterations may finish after the end before they are abandoned. */
  graceMs: number;
  signal?: AbortSignal | undefined;
  /** Runs one iteration of VU `vuId` (1-based). Must not reject. */
  runIteration: (vuId: number) => Promise<void>;
}

/**
 * Closed model (k6 `constant-vus`, no think time): each VU runs iterations back to back until
 * the duration ends. Iterations in flight at the end may finish within `graceMs`; later
 * completions are abandoned (the caller stops recording once this resolves).
 */
export async function runClosed(opts: ClosedOptions): Promise<LoadOutcome> {
  const t0 = performance.now();
  const endAt = t0 + opts.durationMs;
  let stopped = false;
  let running = 0;
  let completed = 0;
  const loop = async (vuId: number): Promise<void> => {
    while (!stopped && performance.now() < endAt) {
      running++;
      await opts.runIteration(vuId);
      running--;
      completed++;
    }
  };
  const all = Promise.all(Array.from({ length: opts.vus }, (_, i) => loop(i + 1)));
  const abort = waitForAbort(opts.signal);
  await Promise.race([all, sleep(opts.durationMs), abort.promise]);
  stopped = true;
  await Promise.race([all, sleep(opts.graceMs)]);
  abort.dispose();
  return { elapsedMs: performance.now() - t0, completed, dropped: 0, abandoned: running, interrupted: opts.signal?.aborted ?? false };
}
