import { join, relative } from 'node:path';
import { ensureLoadgen } from '@lab/engine';
import { acquireBenchLock, cellName, hostFingerprint, isRunnerError, runCell, type CellPlan } from '@lab/runner';
import { hostClassSlug } from '@lab/report';
import { toErrorView } from '../cli/errors';
import { EXIT, type ExitCode } from '../cli/exit-codes';
import type { Interrupt } from '../cli/interrupt';
import type { PublishConfig } from '../cli/normalize-publish';
import type { Log, Outcome } from '../cli/outcome';
import { ensureBuilt } from '../launch/ensure-built';
import { runReport } from '../report/run-report';
import { defaultOut, planAll } from './bench';
import { errorView } from './bench-outcome';
import { cellBoundMs, formatMs } from './bench-progress';
import type { ReplayQuery } from './bench-replay';
import { pairProject, pairTaskHashes } from '../publish/nx-task-hashes';
import type { PhaseTimesMs } from '../publish/phase-clock';
import {
  decidePublish,
  publishCells,
  requireOneHostClass,
  scenarioMajor,
  type MeasureCell,
  type PublishCell,
  type PublishSummary,
} from '../publish/publish-cells';

/**
 * `lab publish`: plans the selected cells as their pair tasks would (`lab bench --nx` with
 * LAB_PRESET and LAB_PROFILE), computes each pair task's Nx hash, skips the cells published
 * under that hash on this host class, measures the rest one by one into
 * results/published/<host-class-slug>, and
 * regenerates the report from results/published.
 */
export async function runPublish(workspace: string, cfg: PublishConfig, log: Log, interrupt: Interrupt): Promise<Outcome> {
  const host = hostFingerprint();
  const hostClass = { cpuModel: host.cpuModel, cores: host.cores };
  // One folder, and one report page, per host class: results/published/<host-class-slug>/.
  const hostFolder = join('published', hostClassSlug(host.cpuModel, host.cores));
  const publishedDir = join(workspace, 'results', hostFolder);
  await requireOneHostClass(publishedDir, hostClass);
  // Scenario by scenario: an interrupted publish leaves whole scenarios, comparable across implementations.
  const plans = scenarioMajor(
    await planAll(
      workspace,
      { impls: cfg.impls, scenarios: cfg.scenarios, nx: true, options: { preset: cfg.preset, ...(cfg.profile ? { profile: cfg.profile } : {}) } },
      log,
    ),
  );
  const profile = cfg.profile ?? process.env.LAB_PROFILE;
  // `standard` is what a pair task measures without LAB_PRESET: its hash is the one with LAB_PRESET unset.
  const presetEnv = cfg.preset === 'standard' ? {} : { LAB_PRESET: cfg.preset };
  const hashes = await pairTaskHashes(workspace, plans.map(projectOf), { ...presetEnv, ...(profile ? { LAB_PROFILE: profile } : {}) });
  const cells = plans.map((plan) => publishCell(workspace, plan, hashes.get(projectOf(plan))!, hostClass, hostFolder));
  const decisions = await decidePublish(cells, publishedDir, cfg.remeasure);
  const rel = (file: string) => relative(workspace, file);
  if (cfg.dryRun) {
    const json = decisions.map((d) => ({
      cell: d.cell.name,
      action: d.action,
      ...(d.action === 'measure' && d.replacing ? { replacing: { file: rel(d.replacing.file), verdict: d.replacing.verdict } } : {}),
      nxTaskHash: d.cell.query.taskHash,
      file: rel(d.action === 'skip' ? d.publishedFile : d.cell.publishedPath),
    }));
    const measured = decisions.filter((d) => d.action === 'measure');
    const boundMs = measured.reduce((sum, d) => sum + d.cell.boundMs, 0);
    return {
      exitCode: EXIT.ok,
      json,
      text: () => [
        ...json.map(
          (d) =>
            `${d.action === 'measure' ? 'measure' : 'skip   '}  ${d.cell}  ${d.action === 'measure' ? `→ ${d.file}${d.replacing ? ` (again: published ${d.replacing.verdict})` : ''}` : `(published: ${d.file})`}  [${d.nxTaskHash}]`,
        ),
        '',
        `${measured.length} to measure (at most ${formatMs(boundMs)}), ${json.length - measured.length} already published for these inputs on ${hostClass.cpuModel} ×${hostClass.cores}; preset ${cfg.preset}`,
      ],
    };
  }
  const controller = new AbortController();
  void interrupt.signal.then(() => controller.abort());
  const lock = await acquireBenchLock({
    waitMs: 3_600_000,
    signal: controller.signal,
    onWait: (pid) => log(`lab: waiting for the bench lock (held by pid ${pid})`),
  });
  let summary: PublishSummary;
  try {
    if (decisions.some((d) => d.action === 'measure' && planOf(plans, d.cell).driver === 'loadgen')) await ensureLoadgen(undefined, log).catch(() => undefined);
    const measure: MeasureCell = async (cell, onEvent) => {
      const plan = planOf(plans, cell);
      try {
        await ensureBuilt(workspace, plan.implementation.id, log);
        // The pair task's hash goes into the provenance, so that the pair task (and this command) find the file again.
        const result = await runCell(plan, {
          out: defaultOut(workspace, plan),
          lock: false,
          signal: controller.signal,
          onEvent,
          env: { ...process.env, NX_TASK_HASH: cell.query.taskHash },
        });
        return { result };
      } catch (error) {
        if (isRunnerError(error, 'LAB_INTERRUPTED') || controller.signal.aborted) return 'interrupted';
        return { error: errorView(error) };
      }
    };
    summary = await publishCells(decisions, { measure, log });
  } finally {
    lock.release();
  }
  // After Ctrl-C nothing more is done: the next run (or nx run reports:report) regenerates the report.
  const report = !cfg.skipReport && !summary.interrupted && summary.published.length > 0 ? await regenerateReport(workspace, log) : undefined;
  return {
    exitCode: exitCodeOf(summary),
    json: {
      ...summary,
      published: summary.published.map((p) => ({ ...p, file: rel(p.file) })),
      skipped: summary.skipped.map((s) => ({ ...s, file: rel(s.file) })),
      report,
    },
    text: (paint) => [
      ...summary.published.map(
        (p) =>
          `${paint.bold(p.name)}  ${p.verdict}  ${p.ratePerSec === null ? 'no rate' : `${Math.round(p.ratePerSec).toLocaleString('en-US')} req/s`}  → ${rel(p.file)}  (${formatMs(p.elapsedMs)})`,
      ),
      ...summary.failed.map((f) => `${paint.bold(f.name)}  ${paint.red('FAILED')}  error[${f.error.code}]: ${f.error.message.split('\n')[0]}`),
      `${summary.published.length} published, ${summary.skipped.length} already published, ${summary.failed.length} failed${summary.interrupted ? `, ${summary.notReached.length} not reached (interrupted: run lab publish again to resume)` : ''}`,
      ...overheadLines(summary.phasesMs, summary.overheadRatio),
      ...(report ? [`report: ${report.join(', ')}`] : []),
    ],
  };
}

function projectOf(plan: CellPlan): string {
  return pairProject(plan.implementation.id, plan.scenario.id);
}

function planOf(plans: readonly CellPlan[], cell: PublishCell): CellPlan {
  return plans.find((p) => cellName(p) === cell.name)!;
}

function publishCell(workspace: string, plan: CellPlan, taskHash: string, host: ReplayQuery['host'], hostFolder: string): PublishCell {
  return {
    name: cellName(plan),
    query: {
      taskHash,
      cell: { implementation: plan.implementation.id, variant: plan.variant.id, scenario: plan.scenario.id, profile: plan.profile.name },
      host,
    },
    publishedPath: defaultOut(workspace, plan, hostFolder),
    boundMs: cellBoundMs(plan),
  };
}

/** `overhead per cell: database 2.1s, server 5.0s, …; 0.42 s of overhead per second of measured load`. */
export function overheadLines(phasesMs: PhaseTimesMs, ratio: number | null): string[] {
  if (ratio === null) return [];
  const parts = Object.entries(phasesMs)
    .filter(([phase]) => phase !== 'measure')
    .sort((a, b) => b[1] - a[1])
    .map(([phase, ms]) => `${phase} ${formatMs(ms)}`);
  return [
    `time outside the measured load: ${parts.join(', ')}; measured load ${formatMs(phasesMs.measure ?? 0)}`,
    `overhead ratio: ${ratio.toFixed(2)} s of set-up, warm-up and cool-down per second measured`,
  ];
}

/** Rebuilds the workspace report from results/published only (what is committed), as `nx run reports:report` does. */
async function regenerateReport(workspace: string, log: Log): Promise<string[] | undefined> {
  try {
    const { written, warnings } = await runReport({ workspaceRoot: workspace, scope: { kind: 'workspace' }, resultDirs: ['results/published'] });
    for (const warning of warnings) log(`lab: warning: ${warning}`);
    return written;
  } catch (error) {
    log(`lab: the report could not be regenerated (lab report --results results/published): ${toErrorView(error).message.split('\n')[0]}`);
    return undefined;
  }
}

/** Interrupted (130) over failed cells (3) over ok. */
function exitCodeOf(summary: PublishSummary): ExitCode {
  if (summary.interrupted) return EXIT.interrupted;
  if (summary.failed.length > 0) return EXIT.setup;
  return EXIT.ok;
}
