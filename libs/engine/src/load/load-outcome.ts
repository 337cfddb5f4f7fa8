/** What a load model reports about its own schedule. */
export interface LoadOutcome {
  /** Wall time from the first scheduled iteration until the model stopped (grace included). */
  elapsedMs: number;
  completed: number;
  /** Open model: iterations that could not start because `maxInFlight` were running. */
  dropped: number;
  /** Iterations still running when the grace period ran out. */
  abandoned: number;
  interrupted: boolean;
}

/** Default grace for in-flight iterations after the end of a load phase, in ms. */
export const DEFAULT_GRACE_MS = 5_000;

/** Resolves after `ms`; the timer does not keep the process alive. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** A promise that resolves when `signal` aborts, and a way to drop the listener. */
export function waitForAbort(signal: AbortSignal | undefined): { promise: Promise<void>; dispose: () => void } {
  if (!signal) return { promise: new Promise(() => {}), dispose: () => {} };
  let onAbort = (): void => {};
  const promise = new Promise<void>((resolve) => {
    onAbort = () => resolve();
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  return { promise, dispose: () => signal.removeEventListener('abort', onAbort) };
}
