import type { CellEvent, CellPlan } from '@lab/runner';

/** What a run costs besides its warm-up and measured load, ms: server start, quiet gate and stop. */
const RUN_OVERHEAD_MS = 3_000;

/** The plan figures a time bound is made of. */
type Bounded = Pick<CellPlan, 'runs' | 'warmupMs' | 'runDurationMs'>;

/** Upper bound of one run of a cell, ms: warm-up, measured load and the overhead around them. */
export function runBoundMs(plan: Bounded): number {
  return plan.warmupMs + plan.runDurationMs + RUN_OVERHEAD_MS;
}

/** Upper bound of a cell's duration, ms: every run at the run cap. What every ETA before a cell has finished counts. */
export function cellBoundMs(plan: Bounded): number {
  return plan.runs.max * runBoundMs(plan);
}

/**
 * `, ETA ≈ 4m10s`: once `done` cells have finished in `spentMs`, their mean time times the cells
 * left; before that, `, ETA ≤ 6m30s`: the sum of the cells left's upper bounds ({@link cellBoundMs}).
 */
export function etaText(done: number, spentMs: number, boundsLeftMs: readonly number[]): string {
  if (done > 0) return `, ETA ≈ ${formatMs((spentMs / done) * boundsLeftMs.length)}`;
  return `, ETA ≤ ${formatMs(boundsLeftMs.reduce((sum, ms) => sum + ms, 0))}`;
}

/**
 * A one-line live progress display (stderr, TTY only): cell k/n, run i of at most max, the
 * phase, the rate so far, and an upper-bound ETA. `write` receives raw text (`\r` redraws).
 */
export function createProgressLine(write: (text: string) => void, plans: readonly CellPlan[]) {
  let cell = 0;
  let runsLeft = 0;
  /** When the current run (or cell) began: the ETA counts down from there. */
  let markMs = Date.now();
  let text = '';
  const draw = (line: string) => {
    text = line;
    write(`\r\u001b[2K${line}`);
  };
  return {
    startCell(index: number) {
      cell = index;
      runsLeft = plans[index]!.runs.max;
      markMs = Date.now();
    },
    onEvent(e: CellEvent) {
      const plan = plans[cell]!;
      const laterMs = plans.slice(cell + 1).reduce((sum, p) => sum + cellBoundMs(p), 0);
      const eta = `ETA ≤ ${formatMs(Math.max(0, runsLeft * runBoundMs(plan) - (Date.now() - markMs)) + laterMs)}`;
      const head = `[${cell + 1}/${plans.length}] ${plan.implementation.id} × ${plan.scenario.id}`;
      if (e.type === 'phase') draw(`${head}  ${e.run !== undefined ? `run ${e.run + 1}/${plan.runs.max} ` : ''}${e.phase}  ${eta}`);
      else if (e.type === 'progress') {
        const pct = Math.min(100, Math.round((100 * e.progress.elapsedMs) / Math.max(1, e.progress.totalMs)));
        draw(`${head}  run ${e.run + 1}/${plan.runs.max} measure ${pct}%  ${Math.round(e.progress.ratePerSec)} req/s  ${eta}`);
      } else if (e.type === 'run') {
        runsLeft = e.remainingMax;
        markMs = Date.now();
      }
    },
    /** Clears the line (before other output). */
    clear() {
      if (text) write('\r\u001b[2K');
      text = '';
    },
  };
}

/** `1m05s` / `42s`. */
export function formatMs(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
