/**
 * The deployment choice per workload, CPU budget and stack: the process model with the highest
 * capacity under the SLO where sweeps were measured, else the highest closed-loop req/s at the
 * cell's reference concurrency ({@link referenceVusOf}). A model is tied with the best when the ratio interval best / model (Welch
 * on log run figures, 95 %; for capacities widened by each sweep's step, {@link capacityRatio})
 * includes 1, or when its capacity is only a lower bound (it reached the
 * top of its sweep, or the generator's stall or in-flight limit set it: it may truly serve more). When the
 * runner-up is tied, the tied model with the fewest workers is chosen (it needs less memory).
 */
import { compareRuns } from '@lab/stats';
import type { ExperimentDefinition } from './definition';
import type { PointOutcome } from './point-outcome';

/** VUs whose closed-loop points stand for a model when no capacity was measured (the `stacks` round's), where a cell has them. */
export const REFERENCE_VUS = 50;

/**
 * The concurrency whose closed-loop points stand for the models of one cell (workload × budget ×
 * stack): {@link REFERENCE_VUS} where the cell has points at it, else its highest. A workload whose
 * requests take seconds at a budget is measured at fewer VUs there (experiment.json's rounds), and
 * its points are then the only ones the cell has. Null: no closed-loop point.
 */
export function referenceVusOf(cell: readonly PointOutcome[]): number | null {
  const levels = cell.flatMap((o) => ('vus' in o.point.load ? [o.point.load.vus] : []));
  if (levels.length === 0) return null;
  return levels.includes(REFERENCE_VUS) ? REFERENCE_VUS : Math.max(...levels);
}

/** A ratio of two models' figures with its interval. */
type Ratio = { estimate: number; low: number; high: number };

/** One recommendation: for `scenario` at `cpus` CPUs, on `stack`, choose `choice` (null: nothing measured yet). */
export interface Recommendation {
  scenario: string;
  kind: 'io' | 'cpu' | 'mixed';
  cpus: number;
  stack: string;
  basis: 'capacity' | 'closed-loop' | null;
  /** The concurrency of the closed-loop points ranked ({@link referenceVusOf}); null for capacity or nothing measured. */
  vus: number | null;
  choice: PointOutcome | null;
  runnerUp: PointOutcome | null;
  /** choice / runner-up on the basis's runs, with its 95 % interval. */
  ratio: Ratio | null;
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
        const vus = referenceVusOf(here);
        const closed = here.filter((o) => 'vus' in o.point.load && o.point.load.vus === vus && usable(o));
        const basis = capacity.length > 0 ? 'capacity' : closed.length > 0 ? 'closed-loop' : null;
        const candidates = basis === 'capacity' ? capacity : closed;
        const figures = (o: PointOutcome) => (basis === 'capacity' ? o.capacitiesPerSec : o.ratesPerSec);
        const compare = (a: PointOutcome, b: PointOutcome) => (basis === 'capacity' ? capacityRatio(a, b) : ratioOf(compareRuns(a.ratesPerSec, b.ratesPerSec)));
        const ranked = [...candidates].sort((a, b) => geometricMean(figures(b)) - geometricMean(figures(a)));
        const [best = null, second = null] = ranked;
        let [choice, runnerUp] = [best, second];
        // A model whose capacity is a lower bound may truly serve more than the best: not ranked below it.
        const tiedWithBest = (o: PointOutcome) =>
          best !== null &&
          figures(o).length >= 2 &&
          figures(best).length >= 2 &&
          (o === best || (basis === 'capacity' && o.capacityCapped) || compare(best, o).low <= 1 + ROUNDING);
        const tie = second !== null && tiedWithBest(second);
        if (tie && best) {
          // Tied: of every model tied with the best, the one with the fewest workers serves as much with less memory.
          choice = ranked.filter(tiedWithBest).reduce((a, b) => (b.point.model.workers < a.point.model.workers ? b : a));
          runnerUp = choice === best ? second : best;
        }
        const ratio = choice && runnerUp && figures(choice).length >= 2 && figures(runnerUp).length >= 2 ? compare(choice, runnerUp) : null;
        const capped = basis === 'capacity' && runnerUp !== null && runnerUp.capacityCapped;
        const wanted = here.filter((o) => 'capacity' in o.point.load || o.point.load.vus === vus);
        out.push({
          scenario: workload.scenario,
          kind: workload.kind,
          cpus,
          stack: impl,
          basis,
          vus: basis === 'closed-loop' ? vus : null,
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

/** Floating-point slack of a ratio's lower end: steps that meet exactly (650 / 600 × 600 / 650) give 1 within it. */
const ROUNDING = 1e-9;

const ratioOf = (c: { ratio: number; low: number; high: number }): Ratio => ({ estimate: c.ratio, low: c.low, high: c.high });

/**
 * Capacity a / capacity b: Welch's interval on the log run capacities, widened by each sweep's
 * step. A run's capacity is the highest step it passed, so a's true capacity may be up to one step
 * more (the upper end grows by (a + step a) / a, at a's geometric mean) and b's too (the lower end
 * shrinks by b / (b + step b)). Runs that all passed 650 against runs that all passed 600, by
 * steps of 50, are then 1.08× [1.00–1.17], not a certain 1.08×: 649 against 649 fits both.
 */
export function capacityRatio(a: PointOutcome, b: PointOutcome): Ratio {
  const c = ratioOf(compareRuns(a.capacitiesPerSec, b.capacitiesPerSec));
  const [ma, mb] = [geometricMean(a.capacitiesPerSec), geometricMean(b.capacitiesPerSec)];
  const [sa, sb] = [a.sweep?.step ?? 0, b.sweep?.step ?? 0];
  return { estimate: c.estimate, low: (c.low * mb) / (mb + sb), high: (c.high * (ma + sa)) / ma };
}

const usable = (o: PointOutcome) => o.status === 'measured' && o.verdict === 'valid';

function geometricMean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
}
