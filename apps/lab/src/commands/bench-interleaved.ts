import { cellName, isRunnerError, runInterleaved, type CellPlan, type InterleavedEvent } from '@lab/runner';
import type { ErrorView } from '../cli/errors';
import type { Log } from '../cli/outcome';
import { doneText, errorView, type CellOutcome } from './bench-outcome';
import { cellBoundMs, etaText } from './bench-progress';

/** What {@link benchInterleaved} needs from `lab bench`. */
export interface InterleaveContext {
  plans: readonly CellPlan[];
  outOf: (plan: CellPlan) => string;
  /** Builds an implementation once; undefined when it is ready, else why it is not. */
  build: (implId: string) => Promise<ErrorView | undefined>;
  log: Log;
  signal: AbortSignal;
}

/**
 * `lab bench --interleave` with several cells: builds every implementation first, then measures
 * the buildable cells with their runs interleaved (A B, B A, …, `runInterleaved`), logging a line
 * per run (`[round r] cell k/N run i`) and one per finished cell. Outcomes are in plan order;
 * `interrupted` when aborted.
 */
export async function benchInterleaved(ctx: InterleaveContext): Promise<CellOutcome[] | 'interrupted'> {
  const { plans, outOf, log } = ctx;
  const outcomes: Array<CellOutcome | undefined> = plans.map(() => undefined);
  const tag = (index: number) => `[${index + 1}/${plans.length}]`;
  const settle = (index: number, result: Omit<CellOutcome, 'cell' | 'plan' | 'out'>) => {
    const plan = plans[index]!;
    const outcome = { cell: cellName(plan), plan, out: outOf(plan), ...result };
    outcomes[index] = outcome;
    log(`lab: ${tag(index)} ${doneText(outcome)}`);
  };
  const built = new Map<string, ErrorView | undefined>();
  for (const plan of plans) {
    const id = plan.implementation.id;
    if (!built.has(id)) built.set(id, await ctx.build(id));
  }
  const measured: number[] = [];
  for (const [index, plan] of plans.entries()) {
    const buildError = built.get(plan.implementation.id);
    if (buildError) settle(index, { error: buildError });
    else measured.push(index);
  }
  if (measured.length === 0) return outcomes as CellOutcome[];
  // Nothing measured yet: the ETA is the cells' upper bound.
  const bounds = measured.map((i) => cellBoundMs(plans[i]!));
  const eta = etaText(0, 0, bounds);
  log(`lab: interleaving the runs of ${measured.length} cells (A B, B A, …)${eta}`);
  const onEvent = (e: InterleavedEvent) => {
    const index = measured[e.cell]!;
    if (e.type === 'turn') log(`lab: [round ${e.round + 1}] cell ${index + 1}/${plans.length} run ${e.run + 1} ${cellName(plans[index]!)}`);
    else if (e.type === 'done') settle(index, e.outcome instanceof Error ? { error: errorView(e.outcome) } : { result: e.outcome });
  };
  const selected = measured.map((i) => plans[i]!);
  try {
    await runInterleaved(selected, { out: (plan) => outOf(plan), lock: false, signal: ctx.signal, onEvent });
  } catch (error) {
    if (isRunnerError(error, 'LAB_INTERRUPTED')) return 'interrupted';
    throw error;
  }
  return outcomes.map(
    (o, index) => o ?? { cell: cellName(plans[index]!), plan: plans[index]!, out: outOf(plans[index]!), error: errorView(new Error('not measured')) },
  );
}
