import { createRoleGroups, type CreateRoleGroupsOptions, type RoleGroups } from '@lab/isolation';
import { writeResultFile, type ResultFile } from '@lab/results';
import { bootstrapCi, isPrecise, median } from '@lab/stats';
import { acquireBenchLock, type BenchLock, type BenchLockOptions } from './bench-lock';
import { buildResult } from './build-result';
import { isRunnerError, RunnerError } from './errors';
import type { CellEventHandler } from './events';
import { runGate } from './gate';
import { judgeValidity } from './judge-validity';
import { crashed, measureRun } from './measure-run';
import { cellObserved } from './observe';
import type { CellPlan } from './plan-cell';
import { collectProvenance } from './provenance';
import { toRunFigures, type MeasuredRun } from './run-record';
import { startServices, type CellServices } from './services';
import { startServer, type RunningServer } from './start-server';

/** Options of {@link runCell}. */
export interface RunCellOptions {
  /** Aborting stops the load and every process; nothing is written; LAB_INTERRUPTED is thrown. */
  signal?: AbortSignal;
  onEvent?: CellEventHandler;
  /** Write the result file here (atomically). A crashed cell is written too, with verdict `crashed`. */
  out?: string;
  /** The bench lock: options (default: the standard path, wait up to an hour), or false when the caller holds it. */
  lock?: false | BenchLockOptions;
  /** Passed to createRoleGroups (e.g. a mechanism for tests). */
  isolation?: CreateRoleGroupsOptions;
  /** Where NX_TASK_HASH and LAB_MACHINE_ID are read from. Default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Measures one cell end to end (design.md §4): role groups, services, then per run a fresh
 * database, Redis flushed, the server started and ready, the gate (first run), quiet gate,
 * warm-up and measured load; repetition until the CI of the median rate meets the precision
 * target or maxRuns. Everything is stopped on success, failure and abort. A crash fails the
 * cell (LAB_IMPL_CRASHED, after writing a `crashed` result when `out` is set).
 */
export async function runCell(plan: CellPlan, opts: RunCellOptions = {}): Promise<ResultFile> {
  const { signal, onEvent } = opts;
  const log = (source: 'infra' | 'server') => (line: string) => onEvent?.({ type: 'log', source, line });
  const interrupted = (cause?: unknown) => new RunnerError('LAB_INTERRUPTED', `bench of ${cellName(plan)} was interrupted`, { cause });
  if (signal?.aborted) throw interrupted();
  let lock: BenchLock | undefined;
  let groups: RoleGroups | undefined;
  let services: CellServices | undefined;
  let server: RunningServer | undefined;
  const runs: MeasuredRun[] = [];
  let extras: Record<string, string | number | boolean> = {};
  let crash: RunnerError | undefined;
  try {
    onEvent?.({ type: 'phase', phase: 'lock' });
    if (opts.lock !== false) lock = await acquireBenchLock({ waitMs: 3_600_000, ...opts.lock, ...(signal ? { signal } : {}) });
    onEvent?.({ type: 'phase', phase: 'infra' });
    groups = await createRoleGroups(plan.profile, opts.isolation);
    services = await startServices(groups, log('infra'));
    let database: string | undefined;
    for (let index = 0; index < plan.runs.max; index++) {
      if (signal?.aborted) throw interrupted();
      if (database) await services.postgres.dropDatabase(database);
      database = `lab_run_${index + 1}`;
      const databaseUrl = await services.postgres.createDatabase(database, { template: services.template });
      await services.redis.flush();
      onEvent?.({ type: 'phase', phase: 'server', run: index });
      const urls = { DATABASE_URL: databaseUrl, REDIS_URL: services.redis.url, UPSTREAM_URL: services.upstream.url };
      server = await startServer(plan, groups, urls, { ...(signal ? { signal } : {}), log: log('server') });
      try {
        if (index === 0 && plan.gate) {
          onEvent?.({ type: 'phase', phase: 'gate' });
          const target = { baseUrl: server.baseUrl, databaseUrl, upstreamDelayMs: services.upstream.delayMs };
          const figures = await runGate(plan, target).catch((error: unknown) => {
            if (!server?.crash) throw error;
          });
          // A server that died during the gate crashed: that is the cause, not the gate's complaints.
          if (server.crash) throw crashed(plan, server);
          extras = { ...extras, ...figures };
        }
        const ctx = { plan, groups, server, pids: services.pids, databaseUrl, index, ...(signal ? { signal } : {}), ...(onEvent ? { onEvent } : {}) };
        runs.push(await measureRun(ctx));
      } catch (error) {
        if (!isRunnerError(error, 'LAB_IMPL_CRASHED')) throw error;
        crash = error;
        break;
      } finally {
        onEvent?.({ type: 'phase', phase: 'stop', run: index });
        await server.stop();
        server = undefined;
      }
      if (repetitionDone(plan, runs, onEvent)) break;
    }
  } catch (error) {
    throw signal?.aborted && !isRunnerError(error, 'LAB_INTERRUPTED') ? interrupted(error) : error;
  } finally {
    await server?.stop().catch(() => undefined);
    await services?.stop();
    await groups?.destroy().catch(() => undefined);
    lock?.release();
  }
  if (signal?.aborted) throw interrupted();
  const result = await assemble(plan, runs, groups!, services!, extras, crash, opts.env ?? process.env);
  if (opts.out) {
    onEvent?.({ type: 'phase', phase: 'write', detail: opts.out });
    await writeResultFile(opts.out, result);
  }
  if (crash) throw crash;
  return result;
}

/** After each run: from the minimum on, the seeded bootstrap CI of the median rate decides. */
function repetitionDone(plan: CellPlan, runs: readonly MeasuredRun[], onEvent?: CellEventHandler): boolean {
  const rates = runs.map((r) => r.result.ratePerSec);
  const last = runs[runs.length - 1]!;
  const enough = runs.length >= plan.runs.min;
  const ci = enough && rates.length >= 2 ? bootstrapCi(rates, median, { seed: plan.seed }) : undefined;
  const precise = ci !== undefined && isPrecise(ci, plan.precisionTarget);
  const remainingMax = precise ? 0 : plan.runs.max - runs.length;
  onEvent?.({ type: 'run', run: last.index, ratePerSec: last.result.ratePerSec, ...(ci ? { ci: { estimate: ci.estimate, low: ci.low, high: ci.high } } : {}), precise, remainingMax });
  return precise;
}

async function assemble(
  plan: CellPlan,
  runs: MeasuredRun[],
  groups: RoleGroups,
  services: CellServices,
  gateExtras: Record<string, string | number | boolean>,
  crash: RunnerError | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Promise<ResultFile> {
  const { dir, manifest } = plan.implementation;
  const tools: Record<string, { command: string; cwd: string }> = { [manifest.language]: { command: manifest.toolchain.versionCommand, cwd: dir } };
  if (plan.driver === 'wrk') tools.wrk = { command: 'wrk -v', cwd: dir };
  const provenance = await collectProvenance({ workspaceRoot: plan.workspaceRoot, tools, known: services.versions, env });
  const validity = judgeValidity({
    runs: runs.map(toRunFigures),
    maxRuns: plan.runs.max,
    driver: plan.driver,
    load: plan.load.kind === 'closed' ? { kind: 'closed', vus: plan.load.vus } : { kind: plan.load.kind },
    ...(plan.generatorCeilingPerSec ? { generatorCeilingPerSec: plan.generatorCeilingPerSec } : {}),
    ...(crash ? { crash: crash.message.split('\n')[0]! } : {}),
    limits: plan.validity,
  });
  const extras: Record<string, string | number | boolean> = {
    ...gateExtras,
    'quiet.notQuietRuns': runs.filter((r) => !r.quiet.quiet).length,
    // The ceiling validity was judged against, and where it came from (`lab calibrate`, LAB_GENERATOR_CEILING, an option).
    ...(plan.generatorCeilingPerSec ? { 'generator.ceilingPerSec': plan.generatorCeilingPerSec, 'generator.ceilingFrom': plan.origins.generatorCeilingPerSec ?? 'option' } : {}),
    ...cellObserved(runs.map((r) => r.observed)),
  };
  const last = runs[runs.length - 1];
  for (const [key, value] of Object.entries(last?.result.extras ?? {})) {
    if (['string', 'number', 'boolean'].includes(typeof value)) extras[`scenario.${key}`] = value as string | number | boolean;
  }
  if (crash) extras['crash.logTail'] = crash.message;
  return buildResult({ plan, runs, provenance, isolation: { mechanism: groups.mechanism, enforced: groups.enforced }, validity, extras });
}

/** `impl[variant] × scenario @ profile`. */
export function cellName(plan: CellPlan): string {
  const variant = plan.variant.id === 'default' ? '' : `[${plan.variant.id}]`;
  return `${plan.implementation.id}${variant} × ${plan.scenario.id} @ ${plan.profile.name}`;
}
