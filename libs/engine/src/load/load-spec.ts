import { z } from 'zod';

/** Closed model: `vus` virtual users run iterations back to back, no think time. */
export interface ClosedLoad {
  kind: 'closed';
  vus: number;
  durationMs: number;
}
/** Open model: iterations start at `ratePerSec` whatever the server does; at most `maxInFlight` at once. */
export interface OpenLoad {
  kind: 'open';
  ratePerSec: number;
  durationMs: number;
  maxInFlight: number;
}
/** One stage of an `open-stages` load: a constant arrival rate for a duration. */
export interface OpenStage {
  ratePerSec: number;
  durationMs: number;
}
/**
 * Staged open model (k6 `ramping-arrival-rate` with instant steps): the stages run back to back,
 * each at its own constant rate; iterations in flight cross stage boundaries freely. An
 * iteration knows its stage from `vu.stage` (0-based), so scenarios can group per stage.
 */
export interface OpenStagesLoad {
  kind: 'open-stages';
  stages: OpenStage[];
  maxInFlight: number;
}
/** Saturation sweep: open steps at start, start+step, … until the SLO breaks. `maxErrorRate` is a fraction (0.01 = 1%). */
export interface SweepLoad {
  kind: 'sweep';
  startRatePerSec: number;
  stepRatePerSec: number;
  stepDurationMs: number;
  maxSteps: number;
  /** Concurrency cap per step. Default {@link SWEEP_DEFAULT_MAX_IN_FLIGHT}. */
  maxInFlight?: number;
  slo: { percentile: 99; maxLatencyMs: number; maxErrorRate: number };
}
/** A sweep's requests in flight when its load does not say. */
export const SWEEP_DEFAULT_MAX_IN_FLIGHT = 256;
/** Every load model, by `kind`. */
export type LoadSpec = ClosedLoad | OpenLoad | OpenStagesLoad | SweepLoad;

const positiveInt = (what = 'must be ≥ 1') => z.number().int('must be an integer').min(1, what);
const rate = () => z.number().positive('must be > 0');

/** The zod schema of `LoadSpec` (strict: unknown keys are problems). */
export const loadSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('closed'), vus: positiveInt(), durationMs: positiveInt() }),
  z.strictObject({ kind: z.literal('open'), ratePerSec: rate(), durationMs: positiveInt(), maxInFlight: positiveInt() }),
  z.strictObject({
    kind: z.literal('open-stages'),
    stages: z.array(z.strictObject({ ratePerSec: rate(), durationMs: positiveInt() })).min(1, 'must hold at least one stage'),
    maxInFlight: positiveInt(),
  }),
  z.strictObject({
    kind: z.literal('sweep'),
    startRatePerSec: rate(),
    stepRatePerSec: rate(),
    stepDurationMs: positiveInt(),
    maxSteps: positiveInt(),
    maxInFlight: positiveInt().optional(),
    slo: z.strictObject({
      percentile: z.literal(99, 'only 99 is supported'),
      maxLatencyMs: z.number().positive('must be > 0'),
      maxErrorRate: z.number().min(0, 'must be ≥ 0').max(1, 'is a fraction: must be ≤ 1'),
    }),
  }),
]);

/**
 * Total planned duration of a load in ms (open-stages: all stages; a sweep's worst case: every
 * step). A cell plan records it as `runDurationMs`, the name result files keep.
 */
export function plannedDurationMs(load: LoadSpec): number {
  switch (load.kind) {
    case 'closed':
    case 'open':
      return load.durationMs;
    case 'open-stages':
      return load.stages.reduce((sum, s) => sum + s.durationMs, 0);
    case 'sweep':
      return load.stepDurationMs * load.maxSteps;
  }
}
