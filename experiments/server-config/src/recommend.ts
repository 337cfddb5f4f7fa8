/**
 * The deployment choice per workload, CPU budget and stack: the process model with the highest
 * capacity under the SLO where sweeps were measured, else the highest closed-loop req/s at the
 * reference concurrency. When the runner-up's ratio interval (Welch on log run figures, 95 %)
 * includes 1 the two are tied, and the model with fewer workers is chosen (it needs less memory).
 * A capacity that reached the top of its sweep, or that the generator's in-flight limit set, is only
 * a lower bound: when the runner-up's is one, the two cannot be told apart and count as tied.
 */
import { compareRuns } from '@lab/stats';
import type { ExperimentDefinition } from './definition';
import type { PointOutcome } from './point-outcome';

/** VUs whose closed-loop points stand for a model when no capacity was measured (the `stacks` round's). */
export const REFERENCE_VUS = 50;

/** One recommendation: for `scenario` at `cpus` CPUs, on `stack`, choose `choice` (null: nothing measured yet). */
export interface Recommendation {
  scenario: string;
  kind: 'io' | 'cpu' | 'mixed';
  cpus: number;
  stack: string;
  basis: 'capacity' | 'closed-loop' | null;
  choice: PointOutcome | null;
  runnerUp: PointOutcome | null;
  /** choice / runner-up on the basis's runs, with its 95 % interval. */
  ratio: { estimate: number; low: number; high: number } | null;
  tie: boolean;
  /** The runner-up's capacity is a lower bound (top of its sweep, or the generator's limit): the ratio says nothing. */
  capped: boolean;
  /** Points of this cell of the guide that have no usable result yet. */
  pending: number;
}

/** Recommendations for every workload × budget × stack of the definition, in its order. */
export function recommend(definition: ExperimentDefinition, outcomes: readonly PointOutcome[]): Recommendation[] {
  const out: Recommendation[] = [];
  for (const workload of definition.workloads)
    for (const { cpus } of definition.budgets)
      for (const { impl } of definition.stacks) {
        const here = outcomes.filter((o) => o.point.scenario === workload.scenario && o.point.cpus === cpus && o.point.impl === impl);
        if (here.length === 0) continue;
        const capacity = here.filter((o) => 'capacity' in o.point.load && usable(o) && o.capacitiesPerSec.length > 0 && o.capacitiesPerSec.every((c) => c > 0));
        const closed = here.filter((o) => 'vus' in o.point.load && o.point.load.vus === REFERENCE_VUS && usable(o));
        const basis = capacity.length > 0 ? 'capacity' : closed.length > 0 ? 'closed-loop' : null;
        const candidates = basis === 'capacity' ? capacity : closed;
        const figures = (o: PointOutcome) => (basis === 'capacity' ? o.capacitiesPerSec : o.ratesPerSec);
        const ranked = [...candidates].sort((a, b) => geometricMean(figures(b)) - geometricMean(figures(a)));
        let [choice = null, runnerUp = null] = ranked;
        let ratio = null;
        let tie = false;
        // A runner-up whose capacity is a lower bound may truly serve more than the choice: not ranked.
        const capped = basis === 'capacity' && choice !== null && runnerUp !== null && runnerUp.capacityCapped;
        if (choice && runnerUp && figures(choice).length >= 2 && figures(runnerUp).length >= 2) {
          const c = compareRuns(figures(choice), figures(runnerUp));
          ratio = { estimate: c.ratio, low: c.low, high: c.high };
          tie = c.low <= 1 || capped;
          // Tied: the model with fewer workers serves as much with less memory.
          if (tie && runnerUp.point.model.workers < choice.point.model.workers)
            [choice, runnerUp, ratio] = [runnerUp, choice, { estimate: 1 / c.ratio, low: 1 / c.high, high: 1 / c.low }];
        }
        const wanted = here.filter((o) => 'capacity' in o.point.load || o.point.load.vus === REFERENCE_VUS);
        out.push({
          scenario: workload.scenario,
          kind: workload.kind,
          cpus,
          stack: impl,
          basis,
          choice,
          runnerUp,
          ratio,
          tie,
          capped,
          pending: wanted.filter((o) => !usable(o)).length,
        });
      }
  return out;
}

const usable = (o: PointOutcome) => o.status === 'measured' && o.verdict === 'valid';

function geometricMean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
}
