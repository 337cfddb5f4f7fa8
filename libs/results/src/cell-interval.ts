import { median, runInterval } from '@lab/stats';
import type { z } from 'zod';
import type { intervalSchema } from './outcome-schema';

/** A result file's interval (see `intervalSchema`). */
export type CellInterval = z.infer<typeof intervalSchema>;

/**
 * The estimate and interval a result file states for its run rates: the geometric mean with
 * `runInterval`'s t interval on log rates (a CI from 3 runs, a range for 2, nothing for 1).
 * A run that completed no request makes logs impossible: then the estimate is the median and
 * the interval the range of the runs, labelled as a range.
 */
export function cellInterval(ratesPerSec: readonly number[]): { estimate: number; ci: CellInterval } {
  if (ratesPerSec.some((r) => !(r > 0))) {
    return {
      estimate: median(ratesPerSec),
      ci: { kind: ratesPerSec.length === 1 ? 'none' : 'range', method: null, low: Math.min(...ratesPerSec), high: Math.max(...ratesPerSec), confidence: null },
    };
  }
  const interval = runInterval(ratesPerSec);
  return {
    estimate: interval.estimate,
    ci: {
      kind: interval.kind,
      method: interval.kind === 'ci' ? interval.method : null,
      low: interval.low,
      high: interval.high,
      confidence: interval.kind === 'ci' ? interval.confidence : null,
    },
  };
}
