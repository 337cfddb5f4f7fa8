import type { CreateRoleGroupsOptions } from '@lab/isolation';
import type { ResultFile } from '@lab/results';
import type { BenchLockOptions } from './bench-lock';
import { openCell } from './cell-session';
import type { CellEventHandler } from './events';
import type { CellPlan } from './plan-cell';

export { cellName } from './describe-plan';

/** Options of {@link runCell}. */
export interface RunCellOptions {
  /** Aborting stops the load and every process; nothing is written; LAB_INTERRUPTED is thrown. */
  signal?: AbortSignal;
  onEvent?: CellEventHandler;
  /** Write the result file here (atomically). A crashed cell is written too, with verdict `crashed`. */
  out?: string;
  /** The bench lock: options (default: the standard path, wait up to an hour), or false when the caller holds it. */
  lock?: false | BenchLockOptions;
  /** Passed to createRoleGroups (e.g. a mechanism for tests). */
  isolation?: CreateRoleGroupsOptions;
  /** Where NX_TASK_HASH and LAB_MACHINE_ID are read from. Default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Measures one cell end to end (docs/developing.md, "One cell"): role groups, services, then per run a fresh
 * database, Redis flushed, the server started and ready, the gate (first run), quiet gate,
 * warm-up and measured load; repetition until the CI of the median rate meets the precision
 * target or maxRuns. Everything is stopped on success, failure and abort. A crash fails the
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
