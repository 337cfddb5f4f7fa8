import { join } from 'node:path';
import { resultFile } from '@lab/manifest';
import type { ResultFile } from '@lab/results';
import type { CellPlan } from '@lab/runner';
import { MIN_RUNS_FOR_CI, spreadComponents, type SpreadComponents } from '@lab/stats';
import type { Paint } from '../cli/paint';

/**
 * `lab bench --twin`: where the two copies of the one cell go. With `--out`, the first copy there
 * and the second beside it (`x.json` → `x.twin.json`); else both under tmp/twin/, never in
 * results/raw, where a report would read them as cells.
 */
export function twinOuts(workspace: string, plan: CellPlan, out: string | undefined): [string, string] {
  if (out) return [out, out.replace(/(\.json)?$/, '.twin.json')];
  const first = resultFile(join(workspace, 'tmp', 'twin'), { implementation: plan.implementation.id, variant: plan.variant.id, scenario: plan.scenario.id });
  return [first, first.replace(/\.json$/, '.twin.json')];
}

/** The twin study's figures: the spread components, and the host's noise over the runs (cores). */
export interface TwinSpread extends SpreadComponents {
  readonly stealCpuCores: { readonly max: number };
  readonly backgroundCpuCores: { readonly max: number };
}

/** The spread of the twins' run rates, or why there is none (fewer than 3 rounds with both copies). */
export function twinSpread(a: ResultFile, b: ResultFile): TwinSpread | string {
  const rounds = Math.min(a.runs.length, b.runs.length);
  if (rounds < MIN_RUNS_FOR_CI)
    return `${rounds} round${rounds === 1 ? '' : 's'} with both copies: the split needs ${MIN_RUNS_FOR_CI} or more (--runs 10 is a good start)`;
  const rates = (r: ResultFile) => r.runs.slice(0, rounds).map((run) => run.ratePerSec);
  if ([...rates(a), ...rates(b)].some((x) => !(x > 0))) return 'a run completed no requests';
  const runs = [...a.runs, ...b.runs];
  return {
    ...spreadComponents(rates(a), rates(b)),
    stealCpuCores: { max: Math.max(...runs.map((r) => r.stealCpuCores ?? 0)) },
    backgroundCpuCores: { max: Math.max(...runs.map((r) => r.backgroundCpuCores)) },
  };
}

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;

/** The study's lines under the two cell summaries. */
export function renderTwinSpread(cell: string, spread: TwinSpread | string, paint: Paint): string[] {
  if (typeof spread === 'string') return [`${paint.bold(`Twin spread of ${cell}`)}: not computed: ${spread}`];
  const where =
    spread.commonShare >= 0.5
      ? 'mostly shared by both runs of a round (the host drifting): interleave the cells you compare (--interleave), whose runs are then compared round by round'
      : 'mostly each run on its own (server start, memory layout, a fresh database): more, shorter runs narrow the interval; interleaving helps little';
  return [
    paint.bold(`Twin spread of ${cell}, ${spread.rounds} rounds (standard deviations of log run rates, ≈ CV):`),
    `  total ${pct(spread.total)} · each run on its own ${pct(spread.perRun)} · shared by a round ${pct(spread.common)} (${Math.round(100 * spread.commonShare)} % of the variance) · drift ${spread.driftPerRound >= 0 ? '+' : ''}${pct(spread.driftPerRound)} per round`,
    `  host noise during the runs: steal ≤ ${spread.stealCpuCores.max.toFixed(2)} cores, background ≤ ${spread.backgroundCpuCores.max.toFixed(2)} cores`,
    `  the spread is ${where}`,
  ];
}
