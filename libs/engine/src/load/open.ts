import type { OpenStage } from './load-spec';
import { type LoadOutcome, sleep } from './load-outcome';

/** Options shared by the open models. */
interface ArrivalOptions {
  maxInFlight: number;
  graceMs: number;
  signal?: AbortSignal | undefined;
  /**
   * Runs one iteration on VU slot `vuId` (1..maxInFlight). `intendedStartMs` is the
   * performance.now() time the iteration was scheduled for; latency is measured from it.
   * `stage` is the 0-based stage of an `open-stages` load (0 for a plain open load).
   */
  runIteration: (vuId: number, intendedStartMs: number, stage: number) => Promise<void>;
}

/** Options of the open model. */
export interface OpenOptions extends ArrivalOptions {
  ratePerSec: number;
  durationMs: number;
}

/** Options of the staged open model. */
export interface OpenStagesOptions extends ArrivalOptions {
  stages: readonly OpenStage[];
}

/** A schedule: `total` iterations, the i-th due `offsetMs(i)` after the start, in stage `stageOf(i)`. */
export interface ArrivalSchedule {
  total: number;
  offsetMs(i: number): number;
  stageOf(i: number): number;
}

/** The schedule of consecutive constant-rate stages: stage k sends ⌊rate·duration⌋ iterations evenly spaced. */
export function stagedSchedule(stages: readonly OpenStage[]): ArrivalSchedule {
  const firstIndex: number[] = [];
  const startMs: number[] = [];
  let total = 0;
  let at = 0;
  for (const s of stages) {
    firstIndex.push(total);
    startMs.push(at);
    total += Math.floor((s.ratePerSec * s.durationMs) / 1000);
    at += s.durationMs;
  }
  const stageOf = (i: number): number => {
    let lo = 0;
    let hi = stages.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((firstIndex[mid] as number) <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const offsetMs = (i: number): number => {
    const k = stageOf(i);
    return (startMs[k] as number) + ((i - (firstIndex[k] as number)) * 1000) / (stages[k] as OpenStage).ratePerSec;
  };
  return { total, offsetMs, stageOf };
}

/**
 * Open model (k6 `constant-arrival-rate`): iteration i is due at t0 + i / rate whatever the
 * server does. Latency counts from that intended time, so a stalled server is not hidden by the
 * generator waiting for it (coordinated omission). An iteration due while `maxInFlight` are
 * running is dropped and counted.
 */
export function runOpen(opts: OpenOptions): Promise<LoadOutcome> {
  return runArrivals(stagedSchedule([{ ratePerSec: opts.ratePerSec, durationMs: opts.durationMs }]), opts);
}

/** Staged open model: the stages back to back, as one schedule (no pause between stages). */
export function runOpenStages(opts: OpenStagesOptions): Promise<LoadOutcome> {
  return runArrivals(stagedSchedule(opts.stages), opts);
}

/** Starts every scheduled iteration at its intended time; drops one when no VU slot is free. */
export async function runArrivals(schedule: ArrivalSchedule, opts: ArrivalOptions): Promise<LoadOutcome> {
  const t0 = performance.now();
  const free: number[] = Array.from({ length: opts.maxInFlight }, (_, i) => opts.maxInFlight - i);
  const inFlight = new Set<Promise<void>>();
  let scheduled = 0;
  let completed = 0;
  let dropped = 0;

  await new Promise<void>((done) => {
    const tick = (): void => {
      const now = performance.now();
      while (scheduled < schedule.total && t0 + schedule.offsetMs(scheduled) <= now) {
        const intended = t0 + schedule.offsetMs(scheduled);
        const stage = schedule.stageOf(scheduled);
        scheduled++;
        const vuId = free.pop();
        if (vuId === undefined) {
          dropped++;
          continue;
        }
        const p: Promise<void> = opts.runIteration(vuId, intended, stage).then(() => {
          completed++;
          free.push(vuId);
          inFlight.delete(p);
        });
        inFlight.add(p);
      }
      if (scheduled >= schedule.total || opts.signal?.aborted) {
        done();
        return;
      }
      // Timers have ~1 ms granularity; sleeping at most 1 ms keeps send times close to intended.
      const wait = t0 + schedule.offsetMs(scheduled) - performance.now();
      setTimeout(tick, Math.max(0, Math.min(wait, 1)));
    };
    tick();
  });
  await Promise.race([Promise.all(inFlight), sleep(opts.graceMs)]);
  return { elapsedMs: performance.now() - t0, completed, dropped, abandoned: inFlight.size, interrupted: opts.signal?.aborted ?? false };
}
