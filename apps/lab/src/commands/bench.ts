import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { chooseDriver, ensureLoadgen } from '@lab/engine';
import { HASHED_LAB_ENV, loadManifests, resultFile } from '@lab/manifest';
import type { ResultFile } from '@lab/results';
import {
  acquireBenchLock,
  calibrationPath,
  cellName,
  describePlan,
  hostFingerprint,
  isRunnerError,
  loadCalibration,
  loadScenario,
  planCell,
  runCell,
  type CalibrationFile,
  type CellPlan,
} from '@lab/runner';
import { CliError, toErrorView, usageError, type ErrorView } from '../cli/errors';
import { EXIT, type ExitCode } from '../cli/exit-codes';
import type { Interrupt } from '../cli/interrupt';
import type { BenchConfig } from '../cli/normalize-bench';
import type { Log, Outcome } from '../cli/outcome';
import { ensureBuilt } from '../launch/ensure-built';
import { benchInterleaved, type InterleaveContext } from './bench-interleaved';
import { renderMatrix } from './bench-matrix';
import { findReplay, replayQuery, replayTo } from './bench-replay';
import { doneText, errorView, type CellOutcome } from './bench-outcome';
import { cellBoundMs, createProgressLine, etaText, formatMs } from './bench-progress';
import { renderCellSummary } from './bench-summary';
import { renderTwinSpread, twinOuts, twinSpread } from './bench-twin';
import { needsCatalogue, selectImpls, selectScenarios } from './select-cells';

/**
 * `lab bench`: plans every implementation × scenario (all before any traffic, so a bad flag
 * fails fast), then measures them under the bench lock: one after another, or with
 * `--interleave` (several cells) their runs interleaved A B, B A, … so drift hits every cell
 * alike; `--twin` measures its one cell as two interleaved copies and splits the run-to-run spread. A failing cell does not stop the batch; Ctrl-C stops everything and exits 130.
 * Under `--nx`, a single cell whose committed result was recorded under the same Nx task hash
 * is replayed from results/published instead of measured (bench-replay.ts).
 */
export async function runBench(workspace: string, cfg: BenchConfig, log: Log, interrupt: Interrupt, live: (text: string) => void): Promise<Outcome> {
  const planned = await planAll(workspace, cfg, log);
  if (cfg.twin && planned.length !== 1) {
    throw usageError('LAB_USAGE_BAD_ARGUMENTS', `--twin studies one cell, but ${planned.length} were asked for`, 'give one implementation and one scenario id');
  }
  // --twin: the one cell twice, as two interleaved copies with their own result files.
  const twinOut = cfg.twin ? new Map(twinOuts(workspace, planned[0]!, cfg.out).map((out, i) => [i === 0 ? planned[0]! : { ...planned[0]! }, out])) : undefined;
  const plans = twinOut ? [...twinOut.keys()] : planned;
  const outOf = (plan: CellPlan) => twinOut?.get(plan) ?? cfg.out ?? defaultOut(workspace, plan);
  if (cfg.dryRun) {
    const described = plans.map((plan) => ({ out: outOf(plan), plan: { ...describePlan(plan), driverChoice: plan.driverChoice } }));
    return {
      exitCode: EXIT.ok,
      json: described,
      text: () =>
        described.flatMap((d) => [
          `${cellName(plans[described.indexOf(d)]!)} → ${d.out}`,
          ...JSON.stringify(d.plan, null, 2)
            .split('\n')
            .map((l) => `  ${l}`),
          '',
        ]),
    };
  }
  if (cfg.nx && plans.length === 1) {
    const replayed = await replayPublished(workspace, plans[0]!, outOf(plans[0]!), log);
    if (replayed) return replayed;
  }
  const controller = new AbortController();
  void interrupt.signal.then(() => controller.abort());
  const lock = await acquireBenchLock({
    waitMs: 3_600_000,
    signal: controller.signal,
    onWait: (pid) => log(`lab: waiting for the bench lock (held by pid ${pid})`),
  });
  const interleave = cfg.interleave && plans.length > 1;
  const progress = cfg.progress && !interleave ? createProgressLine(live, plans) : undefined;
  const startedMs = Date.now();
  const built = new Map<string, Promise<ErrorView | undefined>>();
  const build = (implId: string) =>
    built.get(implId) ??
    built
      .set(
        implId,
        ensureBuilt(workspace, implId, log).then(() => undefined, toErrorView),
      )
      .get(implId)!;
  let outcomes: CellOutcome[];
  try {
    // The Go generator is built (when missing or older than its sources) under the lock, before
    // any measurement; if that fails, each loadgen cell fails with the build's error.
    if (plans.some((plan) => plan.driver === 'loadgen')) await ensureLoadgen(undefined, log).catch(() => undefined);
    const ctx = { plans, outOf, build, log, signal: controller.signal };
    const measured = interleave ? await benchInterleaved(ctx) : await benchSequential(ctx, startedMs, progress);
    if (measured === 'interrupted') return { exitCode: EXIT.interrupted };
    outcomes = measured;
  } finally {
    lock.release();
  }
  const elapsed = `  ${plans.length} cell${plans.length === 1 ? '' : 's'} in ${formatMs(Date.now() - startedMs)}`;
  const [a, b] = outcomes.map((o) => o.result);
  const spread = twinOut ? (a && b ? twinSpread(a, b) : 'a copy was not measured') : undefined;
  const cells = outcomes.map((o) => ({ cell: o.cell, out: o.out, ...(o.result ? summaryJson(o.result) : {}), ...(o.error ? { error: o.error } : {}) }));
  return {
    exitCode: exitCodeOf(outcomes),
    json: spread === undefined ? cells : { twin: cells, spread },
    text: (paint) => [
      ...outcomes.flatMap((o) => [
        ...(o.result && !o.error
          ? renderCellSummary(o.cell, o.result, o.out, paint)
          : [`${paint.bold(o.cell)}  [${paint.red('FAILED')}]`, `  error[${o.error!.code}]: ${o.error!.message}`]),
        '',
      ]),
      ...(spread !== undefined
        ? renderTwinSpread(outcomes[0]!.cell, spread, paint)
        : outcomes.length > 1
          ? [...renderMatrix(outcomes.map(matrixCell), plans.map(scenarioInfo), paint), elapsed]
          : []),
    ],
  };
}

/**
 * A fresh clone's Nx cache is empty, but the committed result of a cell may come from this very
 * task: the same Nx task hash (which covers the implementation, the scenario, the measuring
 * libraries, the preset, the profile and the host fingerprint) on the same host class. Then it is
 * copied to the task's output, unchanged, and nothing is measured, exactly as a cache hit would
 * restore it. Undefined: measure.
 */
async function replayPublished(workspace: string, plan: CellPlan, out: string, log: Log): Promise<Outcome | undefined> {
  const host = hostFingerprint();
  const query = replayQuery(plan, process.env, { cpuModel: host.cpuModel, cores: host.cores });
  if (!query) return undefined;
  const cell = cellName(plan);
  const replay = await findReplay(join(workspace, 'results', 'published'), query);
  if (!replay) {
    log(`lab: ${cell}: no committed result (results/published) under this Nx task hash (${query.taskHash}) and host class; measuring`);
    return undefined;
  }
  await replayTo(replay, out);
  const from = relative(workspace, replay.file);
  const { createdAt, gitSha, hostFingerprint: measuredOn } = replay.result.provenance;
  log(
    `lab: ${cell}: replaying ${from}, measured ${createdAt} at ${gitSha.slice(0, 12)} on ${measuredOn.cpuModel} × ${measuredOn.cores} cores under the same Nx task hash (${query.taskHash}); nothing is measured`,
  );
  const outcome: CellOutcome = { cell, plan, out, result: replay.result };
  return {
    exitCode: exitCodeOf([outcome]),
    json: [{ cell, out, replayedFrom: from, ...summaryJson(replay.result) }],
    text: (paint) => [...renderCellSummary(cell, replay.result, out, paint), `  replayed from ${from} (not measured again)`, ''],
  };
}

/** The cells one after another, each with all its runs; `interrupted` when aborted. */
async function benchSequential(
  ctx: InterleaveContext,
  startedMs: number,
  progress?: ReturnType<typeof createProgressLine>,
): Promise<CellOutcome[] | 'interrupted'> {
  const { plans, outOf, log } = ctx;
  const outcomes: CellOutcome[] = [];
  for (const [index, plan] of plans.entries()) {
    const out = outOf(plan);
    const tag = `[${index + 1}/${plans.length}]`;
    progress?.startCell(index);
    if (!progress) {
      const eta = plans.length > 1 ? etaText(index, Date.now() - startedMs, plans.slice(index).map(cellBoundMs)) : '';
      log(`lab: ${tag} measuring ${cellName(plan)} (${plan.runs.min}..${plan.runs.max} runs of ${plan.runDurationMs} ms)${eta}`);
    }
    const buildError = await ctx.build(plan.implementation.id);
    if (buildError) {
      outcomes.push({ cell: cellName(plan), plan, out, error: buildError });
      log(`lab: ${tag} ${doneText(outcomes[outcomes.length - 1]!)}`);
      continue;
    }
    try {
      const result = await runCell(plan, { out, lock: false, signal: ctx.signal, ...(progress ? { onEvent: progress.onEvent } : {}) });
      outcomes.push({ cell: cellName(plan), plan, out, result });
    } catch (error) {
      if (isRunnerError(error, 'LAB_INTERRUPTED')) return 'interrupted';
      outcomes.push({ cell: cellName(plan), plan, out, error: errorView(error) });
    } finally {
      progress?.clear();
    }
    if (plans.length > 1) log(`lab: ${tag} ${doneText(outcomes[outcomes.length - 1]!)}`);
  }
  return outcomes;
}

function matrixCell(o: CellOutcome) {
  const impl = o.plan.variant.id === 'default' ? o.plan.implementation.id : `${o.plan.implementation.id}[${o.plan.variant.id}]`;
  return { impl, scenario: o.plan.scenario.id, ...(o.result ? { result: o.result } : {}), ...(o.error ? { error: o.error } : {}) };
}

function scenarioInfo(plan: CellPlan) {
  return { id: plan.scenario.id, title: plan.scenario.title, category: plan.scenario.category };
}

/**
 * Every cell's plan, implementations outermost; `all` and category names are expanded first.
 * Unknown ids and bad options are usage errors (exit 2). The host's calibration file, when
 * there is one, gives each plan its generator ceiling.
 */
export async function planAll(workspace: string, cfg: Pick<BenchConfig, 'impls' | 'scenarios' | 'nx' | 'options'>, log: Log): Promise<CellPlan[]> {
  const loaded = loadManifests(workspace);
  const impls = selectImpls(cfg.impls, loaded);
  if (cfg.impls.includes('all') && loaded.problems.length > 0) {
    log(`lab: skipping ${new Set(loaded.problems.map((p) => p.file.split('/')[1])).size} implementation(s) with an invalid manifest (lab list shows why)`);
  }
  const byId = new Map<string, Awaited<ReturnType<typeof loadScenario>>>();
  const load = async (id: string) => byId.get(id) ?? byId.set(id, await loadScenario(workspace, id)).get(id)!;
  let catalogue = loaded.scenarios.map((s) => ({ id: s.id, category: '' }));
  if (needsCatalogue(cfg.scenarios)) {
    catalogue = await Promise.all(loaded.scenarios.map(async (s) => ({ id: s.id, category: (await load(s.id)).category as string })));
  }
  const scenarios = await Promise.all(selectScenarios(cfg.scenarios, catalogue).map(load));
  if (impls.length === 0)
    throw usageError('LAB_UNKNOWN_IMPL', 'no implementation to measure', 'this workspace has no valid implementations/<id>/lab.json (lab list)');
  const host = { cores: availableParallelism() };
  const env = cfg.nx ? hashedEnv(process.env) : process.env;
  const calibration = await hostCalibration();
  // What --driver auto resolves to per scenario: an offline probe of its iteration (no traffic).
  const autoDrivers = new Map(await Promise.all(scenarios.map(async (s) => [s.id, await chooseDriver(s)] as const)));
  try {
    return impls.flatMap((implementation) =>
      scenarios.map((scenario) =>
        planCell({
          implementation,
          scenario,
          workspaceRoot: workspace,
          host,
          env,
          options: cfg.options,
          autoDriver: autoDrivers.get(scenario.id)!,
          ...(calibration ? { calibration } : {}),
        }),
      ),
    );
  } catch (error) {
    if (isRunnerError(error, 'LAB_RUNNER_OPTIONS_INVALID') || isRunnerError(error, 'LAB_VARIANT_UNKNOWN')) {
      throw new CliError(
        'LAB_USAGE_BAD_VALUE',
        error.message.split('\n')[0]!,
        error.hint,
        EXIT.usage,
        error.problems.map((p) => `  ${p}`),
      );
    }
    throw error;
  }
}

/** This host's `lab calibrate` file, if any (advisory: a missing or bad file means no ceiling). */
async function hostCalibration(): Promise<CalibrationFile | undefined> {
  const host = hostFingerprint();
  return loadCalibration(calibrationPath(host), host);
}

/**
 * Under Nx only the LAB_* variables that are inputs of the pair task's hash may change the
 * measurement (tools/nx-plugin/lab-plugin.cjs): anything else would be replayed from the cache
 * under a hash that does not cover it.
 */
function hashedEnv(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(HASHED_LAB_ENV.map((key) => [key, env[key]]));
}

/**
 * results/<folder>/<impl>[--<variant>]/<scenario>[--<profile>][--vus<n>|--sweep].json: the default
 * profile and load keep the plain name. `folder` is `raw` or `published/<host-class-slug>`.
 */
export function defaultOut(workspace: string, plan: CellPlan, folder = 'raw'): string {
  // --vus and --sweep measure another load than the scenario's: another file, never the cell's own.
  const load =
    plan.origins['sweep'] === 'option' ? 'sweep' : plan.origins['vus'] === 'option' && plan.load.kind === 'closed' ? { vus: plan.load.vus } : undefined;
  return resultFile(join(workspace, 'results', folder), {
    implementation: plan.implementation.id,
    variant: plan.variant.id,
    scenario: plan.scenario.id,
    profile: plan.origins.profile === 'default' ? undefined : plan.profile.name,
    load,
  });
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
