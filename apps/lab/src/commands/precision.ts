import { relative } from 'node:path';
import { cellLabel, type LengthPrecision, runLengthStudy, type RunLengthStudy, STUDY_MAX_RUNS, STUDY_RUN_COUNTS } from '@lab/report';
import { median } from '@lab/stats';
import { EXIT } from '../cli/exit-codes';
import type { Outcome } from '../cli/outcome';
import type { PrecisionConfig } from '../cli/normalize-precision';
import { textTable } from '../cli/text-table';
import { loadResults } from './load-results';

/** One cell of `lab precision`, or null when its runs have no timeline long enough. */
export interface PrecisionRow {
  readonly cell: string;
  readonly file: string;
  readonly study: RunLengthStudy | null;
}

/** The median cell at one run length: what a typical cell of the study would get. */
export interface TypicalLength {
  readonly seconds: number;
  readonly cells: number;
  readonly sdLog: number;
  readonly halfWidthAt: readonly { readonly runs: number; readonly halfWidth: number }[];
  /** Median over the cells of the runs each target needs; null when the median cell is out of reach. */
  readonly runsFor: readonly { readonly target: number; readonly runs: number | null }[];
}

/**
 * `lab precision`: reads result files (as `lab warmup` does; default results/raw) measured with
 * many long runs and reports, for each cell and run length, the run-to-run spread of the runs'
 * first seconds and the 95 % interval n such runs would give (`runLengthStudy`), then the median
 * cell: the study behind the publish preset's runs × run length (docs/precision.md). Exit 3
 * (LAB_NO_RESULTS) when no result file was found.
 */
export async function runPrecision(workspace: string, config: PrecisionConfig): Promise<Outcome> {
  const { loaded, problems } = await loadResults(workspace, config.paths);
  const rows: PrecisionRow[] = loaded
    .map(({ file, result }) => ({
      cell: `${cellLabel(result.cell.implementation, result.cell.variant)} × ${result.cell.scenario} @ ${result.cell.profile}`,
      file: relative(process.cwd(), file) || file,
      study: runLengthStudy(result, { lengths: config.lengths, targets: config.targets }),
    }))
    .sort((a, b) => a.cell.localeCompare(b.cell) || a.file.localeCompare(b.file));
  const typical = typicalCell(rows, config);
  const costOf = (runs: number | null, seconds: number, overheadMs: number | null) =>
    runs === null ? `> ${STUDY_MAX_RUNS}` : `${runs} (${Math.round(runs * (seconds + (overheadMs ?? 0) / 1000))} s)`;
  return {
    exitCode: EXIT.ok,
    json: { lengths: config.lengths, targets: config.targets, cells: rows, typical, problems },
    text: (paint) => [
      paint.bold("Precision by run length and run count: the 95 % interval (Student's t on log rates, as every cell's) that n runs of each length would give"),
      "  Each length takes the first seconds of every run's per-second timeline, so one long measurement answers for shorter runs too.",
      '  CV: the run-to-run standard deviation of the log rates; drift: the steady change from one run to the next, which more runs do not average out.',
      "  A run's cost is its length plus the overhead between runs (server start, fresh database, warm-up), measured from the runs' start times.",
      '',
      ...textTable([
        [
          'cell',
          'runs',
          'overhead/run',
          'length',
          'req/s',
          'CV',
          'drift/run',
          ...STUDY_RUN_COUNTS.map((n) => `±, ${n} runs`),
          ...config.targets.map((t) => `runs for ±${pct(t)} (s per cell)`),
        ],
        ...rows.flatMap((r) =>
          r.study
            ? r.study.lengths.map((l, i) => [
                i === 0 ? r.cell : '',
                i === 0 ? String(r.study!.runs) : '',
                i === 0 ? (r.study!.overheadPerRunMs === null ? '-' : `${(r.study!.overheadPerRunMs / 1000).toFixed(1)} s`) : '',
                `${l.seconds} s`,
                Math.round(l.ratePerSec).toLocaleString('en-US'),
                pct(l.sdLog),
                signedPct(l.driftPerRun),
                ...l.halfWidthAt.map((h) => pct(h.halfWidth)),
                ...l.runsFor.map((f) => costOf(f.runs, l.seconds, r.study!.overheadPerRunMs)),
              ])
            : [[r.cell, '-', '-', 'no timeline covering 3 runs of the shortest length']],
        ),
      ]),
      '',
      paint.bold(`The median cell (${rows.filter((r) => r.study).length} cells)`),
      ...textTable([
        ['length', 'cells', 'CV', ...STUDY_RUN_COUNTS.map((n) => `±, ${n} runs`), ...config.targets.map((t) => `runs for ±${pct(t)}`)],
        ...typical.map((t) => [
          `${t.seconds} s`,
          String(t.cells),
          pct(t.sdLog),
          ...t.halfWidthAt.map((h) => pct(h.halfWidth)),
          ...t.runsFor.map((f) => (f.runs === null ? `> ${STUDY_MAX_RUNS}` : String(f.runs))),
        ]),
      ]),
      ...problems.map((p) => paint.yellow(`  skipped ${p.file}: ${p.message.split('\n')[0]}`)),
    ],
  };
}

/** Per run length, the median over the cells that have it of each figure. */
export function typicalCell(rows: readonly PrecisionRow[], config: Pick<PrecisionConfig, 'lengths' | 'targets'>): TypicalLength[] {
  return config.lengths.flatMap((seconds) => {
    const at = rows.flatMap((r) => r.study?.lengths.filter((l) => l.seconds === seconds) ?? []);
    if (at.length === 0) return [];
    const medianOf = (pick: (l: LengthPrecision) => number) => median(at.map(pick));
    return [
      {
        seconds,
        cells: at.length,
        sdLog: medianOf((l) => l.sdLog),
        halfWidthAt: STUDY_RUN_COUNTS.map((runs) => ({ runs, halfWidth: medianOf((l) => l.halfWidthAt.find((h) => h.runs === runs)!.halfWidth) })),
        runsFor: config.targets.map((target) => ({ target, runs: medianRuns(at.map((l) => l.runsFor.find((f) => f.target === target)!.runs)) })),
      },
    ];
  });
}

/** The median of run counts where null (out of reach) counts as more than any; null when the median is out of reach, rounded up. */
function medianRuns(counts: readonly (number | null)[]): number | null {
  const sorted = [...counts].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
  const middle = [sorted[(sorted.length - 1) >> 1], sorted[sorted.length >> 1]];
  return middle.includes(null) ? null : Math.ceil(median(middle as number[]));
}

const pct = (fraction: number) => `${Number((fraction * 100).toFixed(1))} %`;
const signedPct = (fraction: number) => `${fraction >= 0 ? '+' : '−'}${pct(Math.abs(fraction))}`;
