import { setTimeout as sleep } from 'node:timers/promises';
import { busyCores, machineCpu } from './machine-cpu';

/** How long and how quiet; defaults: ≤ 12 % busy for 1 s (docs/background.md, "2 cores, shared, drifting"). */
export interface WaitForQuietOptions {
  /** Highest machine busy load, in cores, that still counts as quiet; default 0.12. */
  maxBusyCores?: number;
  /** Length of one measured window in milliseconds; default 1000. */
  windowMs?: number;
  /** Give up after this many milliseconds; default 60000. */
  timeoutMs?: number;
  /** Aborting rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** The outcome: whether a quiet window was seen, the last window's load and the time spent. */
export interface QuietResult {
  quiet: boolean;
  /** Busy cores in the last measured window. */
  busyCores: number;
  waitedMs: number;
}

/**
 * Measure machine load in back-to-back windows until one is at most `maxBusyCores` busy or the
 * timeout passes. Returns `quiet: false` on timeout rather than throwing: a loud host is data.
 */
export async function waitForQuiet(opts: WaitForQuietOptions = {}): Promise<QuietResult> {
  const { maxBusyCores = 0.12, windowMs = 1_000, timeoutMs = 60_000, signal } = opts;
  const started = performance.now();
  let before = await machineCpu();
  for (;;) {
    await sleep(windowMs, undefined, { signal });
    const after = await machineCpu();
    const load = busyCores(before, after);
    const waitedMs = Math.round(performance.now() - started);
    if (load <= maxBusyCores) return { quiet: true, busyCores: load, waitedMs };
    if (waitedMs + windowMs > timeoutMs) return { quiet: false, busyCores: load, waitedMs };
    before = after;
  }
}
