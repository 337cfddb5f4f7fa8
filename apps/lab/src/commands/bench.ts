import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { loadManifests } from '@lab/manifest';
import type { ResultFile } from '@lab/results';
import { acquireBenchLock, cellName, describePlan, isRunnerError, loadScenario, planCell, runCell, type CellPlan } from '@lab/runner';
import { CliError, toErrorView, usageError, type ErrorView } from '../cli/errors';
import { EXIT, type ExitCode } from '../cli/exit-codes';
import type { Interrupt } from '../cli/interrupt';
import type { BenchConfig } from '../cli/normalize-bench';
import type { Log, Outcome } from '../cli/outcome';
import { createProgressLine } from './bench-progress';
import { renderCellSummary } from './bench-summary';
import { requireImpl } from './select-impl';

/** One cell's outcome: its result (and file), or the error that failed it. */
interface CellOutcome {
  cell: string;
  out: string;
  result?: ResultFile;
  error?: ErrorView;
}

/**
 * `lab bench`: plans every implementation × scenario (all before any traffic, so a bad flag
 * fails fast), then measures them one after another under the bench lock. A failing cell does
 * not stop the batch; Ctrl-C stops everything and exits 130.
 */
export async function runBench(workspace: string, cfg: BenchConfig, log: Log, interrupt: Interrupt, live: (text: string) => void): Promise<Outcome> {
  const plans = await planAll(workspace, cfg);
  const outOf = (plan: CellPlan) => cfg.out ?? defaultOut(workspace, plan);
  if (cfg.dryRun) {
    const described = plans.map((plan) => ({ out: outOf(plan), plan: describePlan(plan) }));
    return {
      exitCode: EXIT.ok,
      json: described,
      text: () => described.flatMap((d) => [`${cellName(plans[described.indexOf(d)]!)} → ${d.out}`, ...JSON.stringify(d.plan, null, 2).split('\n').map((l) => `  ${l}`), '']),
    };
  }
  const controller = new AbortController();
  void interrupt.signal.then(() => controller.abort());
  const lock = await acquireBenchLock({ waitMs: 3_600_000, signal: controller.signal, onWait: (pid) => log(`lab: waiting for the bench lock (held by pid ${pid})`) });
  const progress = cfg.progress ? createProgressLine(live, plans) : undefined;
  const outcomes: CellOutcome[] = [];
  try {
    for (const [index, plan] of plans.entries()) {
      const out = outOf(plan);
      progress?.startCell(index);
      if (!progress) log(`lab: measuring ${cellName(plan)} (${plan.runs.min}..${plan.runs.max} runs of ${plan.runDurationMs} ms)`);
      try {
        const result = await runCell(plan, { out, lock: false, signal: controller.signal, ...(progress ? { onEvent: progress.onEvent } : {}) });
        outcomes.push({ cell: cellName(plan), out, result });
      } catch (error) {
        if (isRunnerError(error, 'LAB_INTERRUPTED')) return { exitCode: EXIT.interrupted };
        outcomes.push({ cell: cellName(plan), out, error: errorView(error) });
      } finally {
        progress?.clear();
      }
    }
  } finally {
    lock.release();
  }
  return {
    exitCode: exitCodeOf(outcomes),
    json: outcomes.map((o) => ({ cell: o.cell, out: o.out, ...(o.result ? summaryJson(o.result) : {}), ...(o.error ? { error: o.error } : {}) })),
    text: (paint) =>
      outcomes.flatMap((o) => [
        ...(o.result ? renderCellSummary(o.cell, o.result, o.out, paint) : [`${paint.bold(o.cell)}  [${paint.red('FAILED')}]`, `  error[${o.error!.code}]: ${o.error!.message}`]),
        '',
      ]),
  };
}

/** Every cell's plan; unknown ids and bad options are usage errors (exit 2). */
async function planAll(workspace: string, cfg: BenchConfig): Promise<CellPlan[]> {
  const loaded = loadManifests(workspace);
  const impls = cfg.impls.map((id) => requireImpl(loaded, id));
  const known = new Set(loaded.scenarios.map((s) => s.id));
  for (const id of cfg.scenarios) {
    if (!known.has(id)) {
      throw usageError('LAB_UNKNOWN_SCENARIO', `unknown scenario "${id}"`, known.size ? `known scenarios: ${[...known].join(', ')}` : 'this workspace has no scenarios/<NN-slug>/scenario.ts yet');
    }
  }
  const scenarios = await Promise.all(cfg.scenarios.map((id) => loadScenario(workspace, id)));
  const host = { cores: availableParallelism() };
  const env = cfg.nx ? hashedEnv(process.env) : process.env;
  try {
    return impls.flatMap((implementation) =>
      scenarios.map((scenario) => planCell({ implementation, scenario, workspaceRoot: workspace, host, env, options: cfg.options })),
    );
  } catch (error) {
    if (isRunnerError(error, 'LAB_RUNNER_OPTIONS_INVALID') || isRunnerError(error, 'LAB_VARIANT_UNKNOWN')) {
      throw new CliError('LAB_USAGE_BAD_VALUE', error.message.split('\n')[0]!, error.hint, EXIT.usage, error.problems.map((p) => `  ${p}`));
    }
    throw error;
  }
}

/**
 * Under Nx only the LAB_* variables that are inputs of the pair task's hash may change the
 * measurement (tools/nx-plugin/lab-plugin.cjs): anything else would be replayed from the cache
 * under a hash that does not cover it.
 */
function hashedEnv(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return { LAB_PROFILE: env.LAB_PROFILE, LAB_PRESET: env.LAB_PRESET };
}

/** results/raw/<impl>[--<variant>]/<scenario>[--<profile>].json: the default profile keeps the plain name. */
function defaultOut(workspace: string, plan: CellPlan): string {
  const impl = plan.variant.id === 'default' ? plan.implementation.id : `${plan.implementation.id}--${plan.variant.id}`;
  const profile = plan.origins.profile === 'default' ? '' : `--${plan.profile.name}`;
  return join(workspace, 'results', 'raw', impl, `${plan.scenario.id}${profile}.json`);
}

function errorView(error: unknown): ErrorView {
  const view = toErrorView(error);
  return isRunnerError(error, 'LAB_CONFORMANCE_FAILED') ? { ...view, exitCode: EXIT.checkFailed, details: error.problems } : view;
}

function summaryJson(r: ResultFile) {
  return { stats: r.stats, validity: r.validity, thresholds: r.thresholds, runs: r.runs.length };
}

/** Setup failures (3) over gate failures (1) over breached thresholds (4) over ok. */
function exitCodeOf(outcomes: readonly CellOutcome[]): ExitCode {
  if (outcomes.some((o) => o.error && o.error.exitCode !== EXIT.checkFailed)) return EXIT.setup;
  if (outcomes.some((o) => o.error)) return EXIT.checkFailed;
  if (outcomes.some((o) => o.result?.thresholds.some((t) => !t.ok))) return EXIT.threshold;
  return EXIT.ok;
}
