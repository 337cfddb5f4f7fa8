import type { SweepLoad } from '../define-scenario';
import type { SweepResult, SweepStep } from '../drivers/driver-result';

/** What one open step measured. */
export interface StepMeasure {
  achievedRatePerSec: number;
  p99Us: number;
  requests: number;
  failedRequests: number;
  dropped: number;
  interrupted: boolean;
  /** The generator's longest stall during the step, ms, when the driver watches it: how late it could have sent a request. */
  generatorStallMs?: number;
}

/**
 * A generator stall this long, as a fraction of the SLO's latency, can fail a step by itself: every
 * request due during the stall waits for it (latency counts from the intended send time), so a
 * stall of a fifth of the SLO's latency on top of a server's normal latency is enough.
 */
export const GENERATOR_STALL_FRACTION = 0.2;

/**
 * Saturation sweep: open steps at start, start + step, … (at most `maxSteps`) until a step breaks
 * the SLO. A step passes when its p99 ≤ `maxLatencyMs` and its error rate ≤ `maxErrorRate`,
 * where the error rate counts dropped iterations as failures (the target rate was not offered).
 * Capacity is the last passing rate.
 *
 * A step may have failed by the generator's fault when it failed on latency alone, the generator
 * stalled for {@link GENERATOR_STALL_FRACTION} of the SLO's latency or longer, and the stall
 * accounts for the excess (p99 − stall ≤ the SLO's latency: a stall delays a request by at most
 * its length). Such a step is taken once more at the same rate (both are in `steps`). If the
 * retake fails the same way, the sweep ends `generatorStalled`: its capacity is a lower bound of
 * the server's. A step whose p99 overshoots by more than the stall, or whose errors break the SLO,
 * is the server's failure, stall or not.
 */
export async function runSweep(
  load: SweepLoad,
  runStep: (ratePerSec: number, stepIndex: number) => Promise<StepMeasure>,
): Promise<SweepResult & { interrupted: boolean }> {
  const steps: SweepStep[] = [];
  const stallLimitMs = GENERATOR_STALL_FRACTION * load.slo.maxLatencyMs;
  let capacityRatePerSec: number | null = null;
  let interrupted = false;
  let generatorStalled = false;
  for (let i = 0; i < load.maxSteps && !interrupted; i++) {
    const target = load.startRatePerSec + i * load.stepRatePerSec;
    let passed = false;
    for (let take = 0; take < 2; take++) {
      const m = await runStep(target, i);
      const attempts = m.requests + m.dropped;
      const errorRate = attempts === 0 ? 1 : (m.failedRequests + m.dropped) / attempts;
      passed = !m.interrupted && m.p99Us <= load.slo.maxLatencyMs * 1000 && errorRate <= load.slo.maxErrorRate;
      steps.push({
        targetRatePerSec: target,
        achievedRatePerSec: m.achievedRatePerSec,
        p99Us: m.p99Us,
        errorRate,
        dropped: m.dropped,
        passed,
        ...(m.generatorStallMs !== undefined ? { generatorStallMs: m.generatorStallMs } : {}),
      });
      interrupted = m.interrupted;
      const stallMs = m.generatorStallMs ?? 0;
      const errorsMet = errorRate <= load.slo.maxErrorRate;
      generatorStalled = !passed && errorsMet && stallMs >= stallLimitMs && m.p99Us / 1000 - stallMs <= load.slo.maxLatencyMs;
      if (passed || interrupted || !generatorStalled) break;
    }
    if (!passed) break;
    capacityRatePerSec = target;
  }
  return { slo: { ...load.slo }, steps, capacityRatePerSec, interrupted, generatorStalled: generatorStalled && !interrupted };
}
