import { runScenario, type Scenario } from '@lab/engine';
import { backgroundCpu, stealCores, machineCpu, sampleProcessTree, waitForQuiet, type RoleGroups, type RoleUsage } from '@lab/isolation';
import type { Role as ResultRole } from '@lab/results';
import { RunnerError } from './errors';
import type { CellEventHandler } from './events';
import { processModelObserved, startObservation } from './observe';
import { pinSelf } from './pin-self';
import type { CellPlan } from './plan-cell';
import type { MeasuredRun, RoleDelta } from './run-record';
import { describeCrash } from '@lab/infra';
import { startRoleSampling } from './sample-roles';
import type { RunningServer } from './start-impl';

/** What one measured run needs. */
export interface MeasureContext {
  plan: CellPlan;
  groups: RoleGroups;
  server: RunningServer;
  /** Pids of the database and Redis servers, for memory sampling. */
  pids: { database?: number; redis?: number };
  /** The run's database (for pg_stat_statements when the scenario observes queries). */
  databaseUrl: string;
  index: number;
  signal?: AbortSignal;
  onEvent?: CellEventHandler;
}

const SUT_ROLES = ['server', 'database', 'redis'] as const;

/**
 * One run on a started server: quiet gate, warm-up (discarded), then the measured load with CPU
 * and memory sampled per role around it. Throws LAB_IMPL_CRASHED (cause and log tail) when the
 * server exits during warm-up or measurement, and LAB_INTERRUPTED on abort.
 */
export async function measureRun(ctx: MeasureContext): Promise<MeasuredRun> {
  const { plan, groups, server, index, onEvent } = ctx;
  const crashStop = new AbortController();
  const watch = setInterval(() => server.crash && crashStop.abort(), 50);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, crashStop.signal]) : crashStop.signal;
  const wrap = (argv: string[]) => groups.wrap('generator', argv);
  const base = { baseUrl: server.baseUrl, driver: plan.driver, seed: plan.seed, signal, wrap };
  const check = async () => {
    if (server.crash) throw await crashed(plan, server, groups);
    if (ctx.signal?.aborted) throw new RunnerError('LAB_INTERRUPTED', `interrupted during run ${index + 1}`);
  };
  const generatorCpus = plan.profile.roles.generator.cpus;
  const unpin = plan.driver === 'native' && generatorCpus !== undefined ? await pinSelf(generatorCpus) : undefined;
  let sampling: ReturnType<typeof startRoleSampling> | undefined;
  try {
    onEvent?.({ type: 'phase', phase: 'quiet', run: index });
    const quiet = await waitForQuiet({ ...plan.quiet, signal }).catch(() => ({ quiet: false, busyCores: NaN, waitedMs: 0 }));
    await check();
    if (plan.warmupMs > 0) {
      onEvent?.({ type: 'phase', phase: 'warmup', run: index });
      await runScenario(warmupScenario(plan), { ...base, durationMs: plan.warmupMs });
      await check();
    }
    onEvent?.({ type: 'phase', phase: 'measure', run: index });
    const startedAt = new Date().toISOString();
    const before = await sample(groups);
    const ownBefore = process.cpuUsage();
    const observation = await startObservation(plan.scenario.observe, {
      serverPid: server.proc.pid,
      databaseUrl: ctx.databaseUrl,
      ...(index === 0 ? { baseUrl: server.baseUrl } : {}),
    });
    const machineBefore = await machineCpu();
    // The per-second timeline's resources: each role's process tree once a second (see startRoleSampling).
    sampling = startRoleSampling({
      server: server.proc.pid,
      ...(ctx.pids.database ? { database: ctx.pids.database } : {}),
      ...(ctx.pids.redis ? { redis: ctx.pids.redis } : {}),
      generator: plan.driver === 'native' ? 'self' : () => groups.pids('generator'),
    });
    const result = await runScenario(
      { ...plan.scenario, load: plan.load },
      {
        ...base,
        onProgress: (progress) => onEvent?.({ type: 'progress', run: index, progress }),
      },
    );
    const roleSampling = await sampling.stop();
    const machineAfter = await machineCpu();
    const own = process.cpuUsage(ownBefore);
    const after = await sample(groups);
    const observed = await observation.finish(result);
    await check();
    const serverTree = await sampleProcessTree(server.proc.pid);
    Object.assign(observed, processModelObserved(serverTree, result.sweep));
    const dbTree = ctx.pids.database ? await sampleProcessTree(ctx.pids.database) : undefined;
    const redisTree = ctx.pids.redis ? await sampleProcessTree(ctx.pids.redis) : undefined;
    const seconds = Math.max(result.durationMs, 1) / 1000;
    const delta = (role: ResultRole, hwm?: number): RoleDelta => roleDelta(before[role], after[role], hwm);
    const roles: Record<ResultRole, RoleDelta> = {
      server: delta('server', serverTree.hwmBytes),
      database: delta('database', after.database.peakMemoryBytes ?? dbTree?.hwmBytes),
      redis: delta('redis', after.redis.peakMemoryBytes ?? redisTree?.hwmBytes),
      generator:
        plan.driver === 'native'
          ? { cpuSeconds: result.generatorCpuSeconds, peakRssBytes: process.resourceUsage().maxRSS * 1024, oomKilled: false }
          : { ...delta('generator', after.generator.peakMemoryBytes), cpuSeconds: result.generatorCpuSeconds },
    };
    const ownSeconds = (own.user + own.system) / 1e6;
    const labCpu = plan.driver === 'native' ? ownSeconds : ownSeconds + result.generatorCpuSeconds;
    const sutCpu = SUT_ROLES.reduce((sum, role) => sum + roles[role].cpuSeconds, 0);
    return {
      index,
      startedAt,
      result,
      backgroundCpuCores: backgroundCpu(machineBefore, machineAfter, sutCpu + labCpu),
      generatorCpuCores: result.generatorCpuSeconds / seconds,
      stealCpuCores: stealCores(machineBefore, machineAfter),
      roles,
      quiet,
      observed,
      roleSampling,
    };
  } finally {
    clearInterval(watch);
    await sampling?.stop();
    await unpin?.();
  }
}

/**
 * The scenario the warm-up runs: the same traffic; a sweep warms up with its first step alone, as
 * long as the warm-up (a sweep of one step, which every driver that runs the sweep can run).
 */
export function warmupScenario(plan: Pick<CellPlan, 'scenario' | 'load' | 'warmupMs'>): Scenario<any> {
  const load = plan.load;
  if (load.kind !== 'sweep') return { ...plan.scenario, load };
  return { ...plan.scenario, load: { ...load, stepDurationMs: plan.warmupMs, maxSteps: 1 } };
}

async function sample(groups: RoleGroups): Promise<Record<ResultRole, RoleUsage>> {
  const [server, database, redis, generator] = await Promise.all((['server', 'database', 'redis', 'generator'] as const).map((r) => groups.usage(r)));
  return { server: server!, database: database!, redis: redis!, generator: generator! };
}

function roleDelta(before: RoleUsage, after: RoleUsage, peakBytes: number | undefined): RoleDelta {
  const throttled = after.throttledPeriods !== undefined ? after.throttledPeriods - (before.throttledPeriods ?? 0) : undefined;
  return {
    cpuSeconds: Math.max(0, after.cpuSeconds - before.cpuSeconds),
    peakRssBytes: Math.max(0, peakBytes ?? after.peakMemoryBytes ?? 0),
    ...(throttled !== undefined ? { throttledPeriods: Math.max(0, throttled) } : {}),
    oomKilled: after.oomKilled,
  };
}

/**
 * LAB_IMPL_CRASHED with the cause — the exit code or signal, OOM-killed (the `server` group's
 * `oom_kill` counter) with the memory limit in force — and the server's last output lines.
 */
export async function crashed(plan: CellPlan, server: RunningServer, groups: RoleGroups): Promise<RunnerError> {
  const exit = server.crash ?? { code: null, signal: null };
  const oomKilled = await groups.usage('server').then(
    (u) => u.oomKilled,
    () => false,
  );
  const limit = groups.enforced.server.memoryBytes;
  const cause = describeCrash({ exit, oomKilled, ...(limit !== undefined ? { memoryLimitBytes: limit } : {}), logTail: server.proc.logTail(30) });
  return new RunnerError('LAB_IMPL_CRASHED', `${plan.implementation.id} exited during the measurement: ${cause}`);
}
