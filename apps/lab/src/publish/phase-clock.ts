import type { CellEvent, CellPhase } from '@lab/runner';

/** Milliseconds spent per phase of a cell (`measure` is the measured load; the rest is overhead). */
export type PhaseTimesMs = Partial<Record<CellPhase, number>>;

/**
 * Times a cell's phases from its `phase` events: each phase lasts until the next phase event (or
 * `stop()`). `now` is injectable for tests. The phases are the runner's: `lock`, `infra`
 * (services), `database` (a fresh clone of the seeded database, per run), `server` (start and
 * readiness), `gate`, `quiet` (the cool-down until the machine is quiet), `warmup`, `measure`
 * (the measured load), `stop` and `write`.
 */
export function createPhaseClock(now: () => number = Date.now) {
  const times: PhaseTimesMs = {};
  let current: { phase: CellPhase; sinceMs: number } | undefined;
  const close = (atMs: number) => {
    if (current) times[current.phase] = (times[current.phase] ?? 0) + (atMs - current.sinceMs);
  };
  return {
    onEvent(event: CellEvent): void {
      if (event.type !== 'phase') return;
      const at = now();
      close(at);
      current = { phase: event.phase, sinceMs: at };
    },
    /** Ends the current phase and returns the totals. */
    stop(): PhaseTimesMs {
      close(now());
      current = undefined;
      return { ...times };
    },
  };
}

/** Adds phase times (of several cells). */
export function addPhaseTimes(a: PhaseTimesMs, b: PhaseTimesMs): PhaseTimesMs {
  const sum: PhaseTimesMs = { ...a };
  for (const [phase, ms] of Object.entries(b) as [CellPhase, number][]) sum[phase] = (sum[phase] ?? 0) + ms;
  return sum;
}

/** Overhead (every phase but `measure`) over measured load time; null before any measured time. */
export function overheadRatio(times: PhaseTimesMs): number | null {
  const measureMs = times.measure ?? 0;
  if (measureMs <= 0) return null;
  const overheadMs = Object.entries(times).reduce((sum, [phase, ms]) => (phase === 'measure' ? sum : sum + ms), 0);
  return overheadMs / measureMs;
}
