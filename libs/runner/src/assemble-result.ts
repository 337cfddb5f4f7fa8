import { INHERITED_ENV } from '@lab/infra';
import type { RoleGroups } from '@lab/isolation';
import { cellInterval, type ResultFile } from '@lab/results';
import { isPrecise } from '@lab/stats';
import { buildResult } from './build-result';
import type { RunnerError } from './errors';
import type { CellEventHandler } from './events';
import { judgeValidity, stabilityFigures } from './judge-validity';
import { cellObserved } from './observe';
import type { CellPlan } from './plan-cell';
import { collectProvenance } from './provenance';
import { toRunFigures, type MeasuredRun } from './run-record';
import type { CellServices } from './services';

/** Primitive figures of a result's `extras`. */
export type Extras = Record<string, string | number | boolean>;

/**
 * After each run: from the minimum on, the cell's interval (a t interval on the logs of the runs'
 * figure, `cellInterval`: the rate, a sweep's capacity) decides whether repetition stops (true):
 * only a real CI (3 runs or more) within ±precision does. Emits the `run` event with the interval so far.
 */
export function repetitionDone(plan: CellPlan, runs: readonly MeasuredRun[], onEvent?: CellEventHandler): boolean {
  const figures = stabilityFigures(plan.load.kind, runs.map(toRunFigures)).values;
  const last = runs[runs.length - 1]!;
  const enough = runs.length >= plan.runs.min;
  const { estimate, ci: interval } = cellInterval(figures);
  const ci = enough && interval.kind === 'ci' ? { estimate, low: interval.low, high: interval.high } : undefined;
  const precise = ci !== undefined && isPrecise(ci, plan.precisionTarget);
  const remainingMax = precise ? 0 : plan.runs.max - runs.length;
  onEvent?.({
    type: 'run',
    run: last.index,
    ratePerSec: figures[figures.length - 1]!,
    ...(ci ? { ci: { estimate: ci.estimate, low: ci.low, high: ci.high } } : {}),
    precise,
    remainingMax,
  });
  return precise;
}

/** What {@link assembleResult} needs besides the runs. */
export interface AssembleInput {
  plan: CellPlan;
  runs: readonly MeasuredRun[];
  groups: RoleGroups;
  services: CellServices;
  /** Gate figures and anything the caller adds (e.g. how the cell was scheduled). */
  extras: Extras;
  crash: RunnerError | undefined;
  env: Readonly<Record<string, string | undefined>>;
}

/** Provenance, validity and extras around {@link buildResult}: the cell's result file. */
export async function assembleResult(input: AssembleInput): Promise<ResultFile> {
  const { plan, runs, groups, services, crash } = input;
  const { dir, manifest } = plan.implementation;
  const tools: Record<string, { command: string; cwd: string }> = { [manifest.language]: { command: manifest.toolchain.versionCommand, cwd: dir } };
  if (plan.driver === 'wrk') tools.wrk = { command: 'wrk -v', cwd: dir };
  const provenance = await collectProvenance({ workspaceRoot: plan.workspaceRoot, tools, known: services.versions, env: input.env });
  const validity = judgeValidity({
    runs: runs.map(toRunFigures),
    maxRuns: plan.runs.max,
    driver: plan.driver,
    load:
      plan.load.kind === 'closed'
        ? { kind: 'closed', vus: plan.load.vus }
        : plan.load.kind === 'sweep'
          ? { kind: 'sweep', stepRatePerSec: plan.load.stepRatePerSec }
          : { kind: plan.load.kind },
    ...(plan.generatorCeilingPerSec ? { generatorCeilingPerSec: plan.generatorCeilingPerSec } : {}),
    ...(crash ? { crash: crash.message.split('\n')[0]! } : {}),
    limits: plan.validity,
  });
  const extras: Extras = {
    ...input.extras,
    'quiet.notQuietRuns': runs.filter((r) => !r.quiet.quiet).length,
    // The server's whole environment besides the service URLs and port: what the manifest and the
    // variant set, plus only PATH, HOME and locale from the lab's own (see INHERITED_ENV).
    'server.env': Object.entries(plan.serverEnv)
      .map(([k, v]) => `${k}=${v}`)
      .join(' '),
    'server.inherited': INHERITED_ENV.join(' '),
    // The server's concurrency as the manifest sizes it: processes and database connections per
    // process (threads per process, where a server has them, are in server.env).
    'server.processes': Number(plan.serverEnv[manifest.workers.env] ?? manifest.workers.default),
    'server.poolPerProcess': Number(plan.serverEnv[manifest.pool.env] ?? manifest.pool.default),
    // The ceiling validity was judged against, and where it came from (`lab calibrate`, LAB_GENERATOR_CEILING, an option).
    ...(plan.generatorCeilingPerSec
      ? { 'generator.ceilingPerSec': plan.generatorCeilingPerSec, 'generator.ceilingFrom': plan.origins.generatorCeilingPerSec ?? 'option' }
      : {}),
    ...cellObserved(runs.map((r) => r.observed)),
    ...samplingCost(runs),
  };
  const last = runs[runs.length - 1];
  for (const [key, value] of Object.entries(last?.result.extras ?? {})) {
    if (['string', 'number', 'boolean'].includes(typeof value)) extras[`scenario.${key}`] = value as string | number | boolean;
  }
  if (crash) extras['crash.logTail'] = crash.message;
  return buildResult({ plan, runs, provenance, isolation: { mechanism: groups.mechanism, enforced: groups.enforced }, validity, extras });
}

/**
 * What reading the roles once a second for the timeline cost: the mean wall time of a sampling
 * round (ms, an upper bound of its CPU time) and the rounds taken, over every run.
 */
function samplingCost(runs: readonly MeasuredRun[]): Extras {
  const sampled = runs.flatMap((r) => (r.roleSampling ? [r.roleSampling] : []));
  const rounds = sampled.reduce((n, s) => n + s.samples.filter((x) => x !== null).length, 0);
  if (rounds === 0) return {};
  const busyMs = sampled.reduce((sum, s) => sum + s.busyMs, 0);
  return { 'timeline.samplingRounds': rounds, 'timeline.samplingMsPerRound': Number((busyMs / rounds).toFixed(2)) };
}
