import type { ResultFile } from '@lab/results';
import { openCell, type RunCellOptions } from './cell-session';
import type { CellPlan } from './plan-cell';

export { cellName } from './describe-plan';

/** Options of {@link runCell}. */
export type { RunCellOptions } from './cell-session';

/**
 * Measures one cell end to end (docs/developing.md, "One cell"): role groups, services, then per run a fresh
 * database, Redis flushed, the server started and ready, the gate (first run), quiet gate,
 * warm-up and measured load; repetition until the CI of the rate (geometric mean of the runs)
 * meets the precision target or maxRuns. Everything is stopped on success, failure and abort. A crash fails the
 * cell (LAB_IMPL_CRASHED, after writing a `crashed` result when `out` is set).
 */
export async function runCell(plan: CellPlan, opts: RunCellOptions = {}): Promise<ResultFile> {
  const session = await openCell(plan, opts);
  try {
    while (session.wantsMoreRuns()) await session.runOnce();
    return await session.finish();
  } finally {
    await session.close();
  }
}
