import { relative } from 'node:path';
import { type CellWarmup, cellLabel, type RunWarmup, WARMUP_NOISE_MULTIPLIER, warmupOf } from '@lab/report';
import { EXIT } from '../cli/exit-codes';
import type { WarmupConfig } from '../cli/normalize-warmup';
import type { Outcome } from '../cli/outcome';
import { textTable } from '../cli/text-table';
import { loadResults } from './load-results';

/** One cell of `lab warmup`: where its runs settle, or null without a traffic timeline. */
export interface WarmupRow {
  readonly cell: string;
  readonly file: string;
  readonly driver: string;
  readonly preset: string | null;
  /** The discarded warm-up before each measured run, ms. */
  readonly planWarmupMs: number;
  readonly warmup: CellWarmup | null;
}

/**
 * `lab warmup`: reads result files (files, or directories searched like the report does;
 * default results/raw) and reports for each cell where its runs' per-second rates settle, with
 * the band each run was judged by (`warmupOf`). Exit 3 (LAB_NO_RESULTS) when no result file was
 * found.
 */
export async function runWarmup(workspace: string, config: WarmupConfig): Promise<Outcome> {
  const { loaded, problems } = await loadResults(workspace, config.paths);
  const rows: WarmupRow[] = loaded
    .map(({ file, result }) => ({
      cell: `${cellLabel(result.cell.implementation, result.cell.variant)} × ${result.cell.scenario} @ ${result.cell.profile}`,
      file: relative(process.cwd(), file) || file,
      driver: result.plan.driver,
      preset: result.plan.preset,
      planWarmupMs: result.plan.warmupMs,
      warmup: warmupOf(result, { band: config.band }),
    }))
    .sort((a, b) => a.cell.localeCompare(b.cell) || a.file.localeCompare(b.file));
  return {
    exitCode: EXIT.ok,
    json: { band: config.band, cells: rows.map((r) => ({ ...r, settledAtSecond: r.warmup?.settledAtSecond ?? null })), problems },
    text: (paint) => [
      paint.bold(
        `Warm-up: second from which each run's rate (3-s moving median) never again falls below its final level minus its band, max(${formatBand(config.band)}, ${WARMUP_NOISE_MULTIPLIER} × the run's per-second scatter)`,
      ),
      '  Seconds count from the start of the measured window (0 = steady from its first second), after the plan\'s discarded warm-up ("plan warm-up").',
      '',
      ...textTable([
        ['cell', 'plan warm-up', 'driver', 'runs: settled at second', 'cell (slowest run)', 'final req/s (band)'],
        ...rows.map((r) => [
          r.cell,
          `${r.planWarmupMs / 1000} s`,
          r.driver,
          r.warmup ? r.warmup.runs.map(describeRun).join(', ') : 'no per-second timeline',
          r.warmup ? (r.warmup.settledAtSecond === null ? paint.yellow(unsettledCell(r.warmup)) : `${r.warmup.settledAtSecond} s`) : '-',
          r.warmup ? r.warmup.runs.map((w) => `${Math.round(w.finalRatePerSec).toLocaleString('en-US')} (−${formatBand(w.band)})`).join(', ') : '-',
        ]),
      ]),
      ...problems.map((p) => paint.yellow(`  skipped ${p.file}: ${p.message.split('\n')[0]}`)),
    ],
  };
}

/** A run's settling second, or why it has none. */
function describeRun(w: RunWarmup): string {
  if (w.outcome === 'too-short') return `too short (${w.seconds} s)`;
  return w.settledAtSecond === null ? `not steady (of ${w.seconds} s)` : String(w.settledAtSecond);
}

/** Why a cell has no settling second: a run that is not steady, else one too short to judge. */
function unsettledCell(warmup: CellWarmup): string {
  return warmup.runs.some((w) => w.outcome === 'not-steady') ? 'not steady' : 'too short';
}

function formatBand(band: number): string {
  return `${Number((band * 100).toFixed(1))} %`;
}
