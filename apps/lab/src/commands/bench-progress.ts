import type { CellEvent, CellPlan } from '@lab/runner';

/**
 * A one-line live progress display (stderr, TTY only): cell k/n, run i of at most max, the
 * phase, the rate so far, and an upper-bound ETA. `write` receives raw text (`\r` redraws).
 */
export function createProgressLine(write: (text: string) => void, plans: readonly CellPlan[]) {
  const perRunMs = (p: CellPlan) => p.warmupMs + p.runDurationMs + 3_000; // + server start, quiet gate, stop
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
      const laterMs = plans.slice(cell + 1).reduce((sum, p) => sum + p.runs.max * perRunMs(p), 0);
      const eta = `ETA ≤ ${formatMs(Math.max(0, runsLeft * perRunMs(plan) - (Date.now() - markMs)) + laterMs)}`;
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
