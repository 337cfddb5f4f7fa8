import { performance } from 'node:perf_hooks';

/** The current monotonic time in milliseconds, for `elapsedMs`. */
export const nowMs = (): number => performance.now();

/** Milliseconds since `startMs` (a `nowMs()` reading), rounded to 2 decimals. */
export function elapsedMs(startMs: number): number {
  return Math.round((performance.now() - startMs) * 100) / 100;
}
