import { relative } from 'node:path';
import { collectResults, hostClassOf } from '@lab/report';
import { writeResultFile, type ResultFile, type Verdict } from '@lab/results';
import type { CellEventHandler } from '@lab/runner';
import { CliError, type ErrorView } from '../cli/errors';
import { EXIT } from '../cli/exit-codes';
import type { Log } from '../cli/outcome';
import { findReplay, type ReplayQuery } from '../commands/bench-replay';
import { etaText, formatMs } from '../commands/bench-progress';
import { addPhaseTimes, createPhaseClock, overheadRatio, type PhaseTimesMs } from './phase-clock';

/** One cell `lab publish` was asked for: what identifies its inputs and where its result goes. */
export interface PublishCell {
  /** `impl × scenario @ profile`, as lab bench names cells. */
  name: string;
  /** The cell, its pair task's Nx hash and the host class: what a published result must match to stand in. */
  query: ReplayQuery;
  /** Absolute path of its file under results/published. */
  publishedPath: string;
  /** Upper bound of its duration, ms (`cellBoundMs`): the ETA before a cell has finished. */
  boundMs: number;
}

/**
 * Whether a cell is measured (`replacing` names a published result of the same inputs whose
 * verdict is to be measured again), or skipped because a published result of the same inputs exists.
 */
export type PublishDecision =
  | { cell: PublishCell; action: 'measure'; replacing?: { file: string; verdict: Verdict } }
  | { cell: PublishCell; action: 'skip'; publishedFile: string };

/** What measuring one cell gave: a result (any verdict), an error (no result), or an interruption. */
export type MeasureOutcome = { result: ResultFile } | { error: ErrorView } | 'interrupted';

/** Measures one cell, reporting its phases through `onEvent`. */
export type MeasureCell = (cell: PublishCell, onEvent: CellEventHandler) => Promise<MeasureOutcome>;

/** A cell measured in this publish. */
export interface PublishedCell {
  name: string;
  file: string;
  verdict: Verdict;
  ratePerSec: number | null;
  elapsedMs: number;
  phasesMs: PhaseTimesMs;
}

/** Everything one `lab publish` did. */
export interface PublishSummary {
  published: PublishedCell[];
  skipped: { name: string; file: string }[];
  failed: { name: string; error: ErrorView }[];
  /** Cells not reached because of Ctrl-C (the one in progress included). */
  notReached: string[];
  interrupted: boolean;
  /** Phase times summed over the measured cells, and overhead ÷ measured load time. */
  phasesMs: PhaseTimesMs;
  overheadRatio: number | null;
}

/**
 * Which cells need measuring: a cell is skipped when `publishedDir` (searched recursively) holds
 * a result of the same cell, recorded under the same Nx task hash on the same host class
 * (`findReplay`), i.e. from the same inputs, unless that result's verdict is one of `remeasure`
 * (by default `noisy`: background load on the host spoilt it, not the server), in which case it is
 * measured again and replaced.
 */
export async function decidePublish(
  cells: readonly PublishCell[],
  publishedDir: string,
  remeasure: readonly Verdict[] = DEFAULT_REMEASURE,
): Promise<PublishDecision[]> {
  const decisions: PublishDecision[] = [];
  for (const cell of cells) {
    const found = await findReplay(publishedDir, cell.query);
    const verdict = found?.result.validity.verdict;
    if (!found) decisions.push({ cell, action: 'measure' });
    else if (verdict !== undefined && remeasure.includes(verdict)) decisions.push({ cell, action: 'measure', replacing: { file: found.file, verdict } });
    else decisions.push({ cell, action: 'skip', publishedFile: found.file });
  }
  return decisions;
}

/** The published verdicts `lab publish` measures again unless told otherwise: `noisy` (the host was busy). */
export const DEFAULT_REMEASURE: readonly Verdict[] = ['noisy'];

/**
 * One host class per published folder: refuses (LAB_PUBLISH_OTHER_HOST_CLASS, exit 2) when this
 * host class's folder (results/published/<host-class-slug>) holds results from another host class
 * (CPU model × cores), which only a hand-made move can cause, so a ranked table never mixes
 * machines. Unreadable files are left to the report to list.
 */
export async function requireOneHostClass(publishedDir: string, host: ReplayQuery['host']): Promise<void> {
  const here = `${host.cpuModel} ×${host.cores}`;
  const { results } = await collectResults([publishedDir]);
  const others = [...new Set(results.map((r) => hostClassOf(r.result)).filter((c) => c !== here))];
  if (others.length === 0) return;
  const example = results.find((r) => hostClassOf(r.result) !== here)!;
  throw new CliError(
    'LAB_PUBLISH_OTHER_HOST_CLASS',
    `${publishedDir} is this host class's folder but holds results from another host class (${others.join(', ')}; e.g. ${relative(publishedDir, example.file)}); this host is ${here}`,
    "move those files to their own host class's folder under results/published (git mv), then publish again",
    EXIT.usage,
  );
}

/** What {@link publishCells} needs besides the decisions. */
export interface PublishDeps {
  measure: MeasureCell;
  log: Log;
  /** Clock for ETAs and phase times (injectable for tests). Default Date.now. */
  now?: () => number;
}

/**
 * Measures the cells marked `measure`, one at a time, and writes each finished result (whatever
 * its verdict: invalid cells are published with their verdict and reasons, so gaps show) to its
 * place under results/published at once, atomically. An interruption loses at most the cell in
 * progress: a rerun finds the others published and skips them. A cell that fails without a
 * result (build, gate, setup) is reported and the rest still run.
 */
export async function publishCells(decisions: readonly PublishDecision[], deps: PublishDeps): Promise<PublishSummary> {
  const now = deps.now ?? Date.now;
  const todo = decisions.filter((d) => d.action === 'measure').map((d) => d.cell);
  const summary: PublishSummary = {
    published: [],
    skipped: decisions.flatMap((d) => (d.action === 'skip' ? [{ name: d.cell.name, file: d.publishedFile }] : [])),
    failed: [],
    notReached: [],
    interrupted: false,
    phasesMs: {},
    overheadRatio: null,
  };
  let spentMs = 0;
  for (const [index, cell] of todo.entries()) {
    const boundsLeft = todo.slice(index).map((c) => c.boundMs);
    const eta = etaText(index, spentMs, boundsLeft);
    deps.log(`lab: [${index + 1}/${todo.length}] measuring ${cell.name}${eta}`);
    const clock = createPhaseClock(now);
    const startedMs = now();
    const outcome = await deps.measure(cell, clock.onEvent);
    const phasesMs = clock.stop();
    const elapsedMs = now() - startedMs;
    if (outcome === 'interrupted') {
      summary.interrupted = true;
      summary.notReached = todo.slice(index).map((c) => c.name);
      break;
    }
    spentMs += elapsedMs;
    if ('error' in outcome) {
      summary.failed.push({ name: cell.name, error: outcome.error });
      deps.log(`lab: [${index + 1}/${todo.length}] ${cell.name}: FAILED error[${outcome.error.code}], nothing published`);
      continue;
    }
    await writeResultFile(cell.publishedPath, outcome.result);
    const { validity, stats } = outcome.result;
    summary.published.push({ name: cell.name, file: cell.publishedPath, verdict: validity.verdict, ratePerSec: stats?.estimate ?? null, elapsedMs, phasesMs });
    summary.phasesMs = addPhaseTimes(summary.phasesMs, phasesMs);
    deps.log(`lab: [${index + 1}/${todo.length}] ${cell.name}: ${validity.verdict}, published in ${formatMs(elapsedMs)}`);
  }
  summary.overheadRatio = overheadRatio(summary.phasesMs);
  return summary;
}

/**
 * The cells scenario by scenario (in the order the scenarios first appear, implementations in
 * their given order within each), so a publish stopped part-way leaves whole scenarios measured,
 * each one comparable across every implementation, rather than a few implementations everywhere.
 */
export function scenarioMajor<T extends { scenario: { id: string } }>(cells: readonly T[]): T[] {
  const scenarios = [...new Set(cells.map((c) => c.scenario.id))];
  return scenarios.flatMap((id) => cells.filter((c) => c.scenario.id === id));
}
