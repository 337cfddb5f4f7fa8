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
}

/**
 * Saturation sweep: open steps at start, start + step, … (at most `maxSteps`) until a step breaks
 * the SLO. A step passes when its p99 ≤ `maxLatencyMs` and its error rate ≤ `maxErrorRate`,
 * where the error rate counts dropped iterations as failures (the target rate was not offered).
 * Capacity is the last passing rate.
 */
export async function runSweep(
  load: SweepLoad,
  runStep: (ratePerSec: number, stepIndex: number) => Promise<StepMeasure>,
): Promise<SweepResult & { interrupted: boolean }> {
  const steps: SweepStep[] = [];
  let capacityRatePerSec: number | null = null;
  let interrupted = false;
  for (let i = 0; i < load.maxSteps; i++) {
    const target = load.startRatePerSec + i * load.stepRatePerSec;
    const m = await runStep(target, i);
    const attempts = m.requests + m.dropped;
    const errorRate = attempts === 0 ? 1 : (m.failedRequests + m.dropped) / attempts;
    const passed = !m.interrupted && m.p99Us <= load.slo.maxLatencyMs * 1000 && errorRate <= load.slo.maxErrorRate;
    steps.push({ targetRatePerSec: target, achievedRatePerSec: m.achievedRatePerSec, p99Us: m.p99Us, errorRate, dropped: m.dropped, passed });
    if (m.interrupted) {
      interrupted = true;
      break;
    }
    if (!passed) break;
    capacityRatePerSec = target;
  }
  return { slo: { ...load.slo }, steps, capacityRatePerSec, interrupted };
}
