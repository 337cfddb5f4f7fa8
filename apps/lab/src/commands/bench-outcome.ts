import type { ResultFile } from '@lab/results';
import { isRunnerError, type CellPlan } from '@lab/runner';
import { toErrorView, type ErrorView } from '../cli/errors';
import { EXIT } from '../cli/exit-codes';

/** One cell's outcome: its result (and file), or the error that failed it. */
export interface CellOutcome {
  cell: string;
  plan: CellPlan;
  out: string;
  result?: ResultFile;
  error?: ErrorView;
}

/** `<cell>: 12,345 req/s (valid)` or `<cell>: FAILED error[CODE] first line`. */
export function doneText(o: CellOutcome): string {
  if (o.error) return `${o.cell}: FAILED error[${o.error.code}] ${o.error.message.split('\n')[0]!.replace(/[;:]? log:$/, '')}`;
  const s = o.result?.stats;
  return `${o.cell}: ${s ? `${Math.round(s.estimate).toLocaleString('en-US')} req/s` : 'no rate'} (${o.result?.validity.verdict})`;
}

/** The error view of a failed cell: a failed conformance gate exits 1 and lists its problems. */
export function errorView(error: unknown): ErrorView {
  const view = toErrorView(error);
  return isRunnerError(error, 'LAB_CONFORMANCE_FAILED') ? { ...view, exitCode: EXIT.checkFailed, details: error.problems } : view;
}
