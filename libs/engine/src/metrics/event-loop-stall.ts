import { monitorEventLoopDelay } from 'node:perf_hooks';

/** How often the watch's timer expects to fire, ms (Node's default for the delay monitor). */
const RESOLUTION_MS = 10;

/** A running watch on this process's event loop (see {@link watchEventLoop}). */
export interface EventLoopWatch {
  /** Stops watching; returns the longest stall seen, ms: the most a 10 ms timer fired late (0 if none). */
  stop(): number;
}

/**
 * Watches this process's event loop with Node's delay monitor (a timer every 10 ms). In the
 * native generator every request's send and completion run on that loop, so a stall (a long
 * garbage collection, a burst of catch-up work) delays every request due during it: the latency
 * it adds is the generator's, not the server's.
 */
export function watchEventLoop(): EventLoopWatch {
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  return {
    stop() {
      delay.disable();
      return Math.max(0, delay.max / 1e6 - RESOLUTION_MS);
    },
  };
}
