import type { ResultFile } from '@lab/results';
import { acquireBenchLock } from './bench-lock';
import { openCell, type CellSession, type RunCellOptions } from './cell-session';
import { isRunnerError, RunnerError } from './errors';
import type { CellEvent } from './events';
import type { CellPlan } from './plan-cell';

/** What {@link runInterleaved} reports; `cell` is the plan's index, `round` and `run` count from 0. */
export type InterleavedEvent =
  /** The cell is about to measure its run `run` in round `round`. */
  | { type: 'turn'; round: number; cell: number; run: number }
  /** An event of one cell (phases, progress, logs, the run's rate and CI). */
  | { type: 'cell'; cell: number; event: CellEvent }
  /** The cell is done: its result (already written when it has an `out`) or its error. */
  | { type: 'done'; cell: number; outcome: ResultFile | Error };

/** Options of {@link runInterleaved}: those of `runCell` for every cell, with per-cell outputs and events. */
export interface RunInterleavedOptions extends Pick<RunCellOptions, 'signal' | 'lock' | 'isolation' | 'env'> {
  /** Where each cell's result file is written (atomically); undefined = not written. Default none. */
  out?: (plan: CellPlan, index: number) => string | undefined;
  onEvent?: (event: InterleavedEvent) => void;
}

/**
 * Measures several cells with their runs interleaved so that a drift of the machine's speed hits
 * every cell alike: opens every cell's session (their services idle between their runs), then in
 * each round every session that still wants runs does one run, until none wants more. Rounds
 * alternate their order (A B C, C B A, A B C, …), so a steady drift favours no cell: the paired
 * comparison of interleaved cells (`comparePairedRuns` of @lab/stats) relies on it. A cell is finished (result written, services stopped) as
 * soon as it wants no more runs. A failing cell is closed and reported as its Error; the others
 * continue. Each result's extras say `interleaved: true`, `interleaveCells: <plans>` and
 * `interleaveBlock` (the same id for every cell of this call: run i of each was measured in round i).
 * Abort stops every session and throws LAB_INTERRUPTED (results of cells already done stay).
 */
export async function runInterleaved(plans: readonly CellPlan[], opts: RunInterleavedOptions = {}): Promise<Array<ResultFile | Error>> {
  const { signal, onEvent } = opts;
  if (signal?.aborted) throw new RunnerError('LAB_INTERRUPTED', 'interleaved bench was interrupted');
  const outcomes: Array<ResultFile | Error | undefined> = plans.map(() => undefined);
  const sessions: Array<CellSession | undefined> = [];
  const settle = (cell: number, outcome: ResultFile | Error) => {
    outcomes[cell] = outcome;
    onEvent?.({ type: 'done', cell, outcome });
  };
  const finish = async (cell: number, session: CellSession) => {
    try {
      settle(cell, await session.finish());
    } catch (error) {
      if (isRunnerError(error, 'LAB_INTERRUPTED')) throw error;
      settle(cell, asError(error));
    } finally {
      await session.close();
    }
  };
  const lock = opts.lock === false ? undefined : await acquireBenchLock({ waitMs: 3_600_000, ...opts.lock, ...(signal ? { signal } : {}) });
  const common = {
    ...(signal ? { signal } : {}),
    ...(opts.isolation ? { isolation: opts.isolation } : {}),
    ...(opts.env ? { env: opts.env } : {}),
    extras: { interleaved: true, interleaveCells: plans.length, interleaveBlock: `${new Date().toISOString()}/${process.pid}` },
    lock: false as const,
  };
  try {
    for (const [cell, plan] of plans.entries()) {
      const out = opts.out?.(plan, cell);
      const onCell = (event: CellEvent) => onEvent?.({ type: 'cell', cell, event });
      try {
        sessions[cell] = await openCell(plan, { ...common, ...(out ? { out } : {}), onEvent: onCell });
      } catch (error) {
        if (isRunnerError(error, 'LAB_INTERRUPTED')) throw error;
        settle(cell, asError(error));
      }
    }
    for (let round = 0; sessions.some((s) => s?.wantsMoreRuns()); round++) {
      const order = [...sessions.keys()];
      if (round % 2 === 1) order.reverse();
      for (const cell of order) {
        const session = sessions[cell];
        if (!session?.wantsMoreRuns()) continue;
        onEvent?.({ type: 'turn', round, cell, run: session.runs });
        // A failed run ends the session's runs; `finish` then reports its error.
        await session.runOnce().catch((error: unknown) => {
          if (isRunnerError(error, 'LAB_INTERRUPTED')) throw error;
        });
        if (!session.wantsMoreRuns()) await finish(cell, session);
      }
    }
    for (const [cell, session] of sessions.entries()) {
      if (session && outcomes[cell] === undefined) await finish(cell, session);
    }
  } finally {
    for (const session of sessions) await session?.close();
    lock?.release();
  }
  return outcomes.map((o) => o ?? new Error('cell was not measured'));
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
